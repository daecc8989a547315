import { sql } from 'kysely'
import type { ImportMapping } from '../../../shared/imports.schema'
import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { audit } from '../audit/audit.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { recordEvents } from '../timeline/timeline.service'
import { applyCompany, applyContact, RowError, type ApplyContext } from './import-apply'
import { canBulk, createInBulk, splitForBulk, type Prepared } from './import-bulk'
import { rowValues } from './import-values'
import {
  claimImport,
  findImport,
  insertOutcomes,
  updateImport,
  type ImportRow,
  type NewOutcome,
} from './imports.repo'
import { parseStored } from './import-file'
import type { ParsedRow } from './parse-types'

// The durable import job. Rows are written in chunks; each chunk is one transaction holding the
// records, their import_rows outcomes and the import's progress (rows_done). A crash loses at most
// the chunk in flight, which is rolled back and done again on the next claim: exactly once.

export const chunkSize = 1000
const leaseMs = 5 * 60 * 1000

/** The import's creator, as the actor of its timeline events and audit entries. */
export function jobActor(imp: ImportRow): Actor {
  return {
    workspaceId: imp.workspace_id,
    userId: imp.created_by ?? '00000000-0000-0000-0000-000000000000',
    role: 'admin',
    scope: 'all',
    apiKeyId: null,
    apiKeyScopes: null,
    requestId: `import:${imp.id}`,
    ip: null,
  }
}

export type ChunkOptions = {
  size?: number
  /** Tests simulate a crash by throwing here: the chunk's transaction is rolled back. */
  beforeCommit?: () => void
}

type Trx = Deps['db']

function failed(line: number, raw: string[], error: string): NewOutcome {
  return {
    rowNumber: line,
    raw,
    outcome: 'failed',
    objectType: null,
    recordId: null,
    companyId: null,
    companyCreated: false,
    oldValues: null,
    error,
  }
}

/** A row's values, or its failure when the file or a cell cannot be read. */
function prepareRow(
  ctx: ApplyContext,
  imp: ImportRow,
  headers: string[],
  row: ParsedRow,
): Prepared | NewOutcome {
  if (row.error) return failed(row.line, row.cells, row.error)
  const defs = ctx.objectType === 'companies' ? ctx.companyDefs : ctx.contactDefs
  const v = rowValues(headers, row.cells, imp.mapping as ImportMapping, defs)
  if (v.issues.length)
    return failed(row.line, row.cells, v.issues.map((i) => `${i.column}: ${i.message}`).join('; '))
  return { line: row.line, raw: row.cells, v }
}

async function applyRow(trx: Trx, ctx: ApplyContext, p: Prepared): Promise<NewOutcome> {
  const base = { rowNumber: p.line, raw: p.raw }
  // A savepoint per row: a row the database refuses fails alone, the chunk goes on.
  await sql`savepoint import_row`.execute(trx)
  try {
    const company = await applyCompany(trx, ctx, p.v)
    let out: NewOutcome
    if (ctx.objectType === 'companies' && company) out = { ...base, ...company }
    else {
      const contact = await applyContact(trx, ctx, p.v, company?.recordId ?? null)
      out = { ...base, ...contact, companyCreated: company?.outcome === 'created' }
    }
    await sql`release savepoint import_row`.execute(trx)
    return out
  } catch (err) {
    await sql`rollback to savepoint import_row`.execute(trx)
    if (err instanceof RowError) return failed(p.line, p.raw, err.message)
    const message = err instanceof Error ? err.message : String(err)
    return failed(p.line, p.raw, `Not saved: ${message.slice(0, 300)}`)
  }
}

/** All rows of a chunk: new contacts in bulk where possible, the rest one by one. */
async function applyRows(
  trx: Trx,
  ctx: ApplyContext,
  imp: ImportRow,
  headers: string[],
  rows: ParsedRow[],
): Promise<NewOutcome[]> {
  const outcomes: NewOutcome[] = []
  const ready: Prepared[] = []
  for (const row of rows) {
    const p = prepareRow(ctx, imp, headers, row)
    if ('v' in p) ready.push(p)
    else outcomes.push(p)
  }
  let slow = ready
  if (canBulk(ctx)) {
    const split = await splitForBulk(trx, ctx, ready)
    const bulk = await createInBulk(trx, ctx, split.bulk)
    outcomes.push(...bulk.outcomes)
    slow = [...bulk.retry, ...split.slow].sort((a, b) => a.line - b.line)
  }
  for (const p of slow) outcomes.push(await applyRow(trx, ctx, p))
  return outcomes.sort((a, b) => a.rowNumber - b.rowNumber)
}

async function contextFor(deps: Deps, imp: ImportRow): Promise<ApplyContext> {
  return {
    workspaceId: imp.workspace_id,
    userId: imp.created_by,
    objectType: imp.object_type as ApplyContext['objectType'],
    dedupeRule: imp.dedupe_rule,
    matchAction: imp.match_action as ApplyContext['matchAction'],
    contactDefs: await customFieldDefinitions(deps.db, imp.workspace_id, 'contact'),
    companyDefs: await customFieldDefinitions(deps.db, imp.workspace_id, 'company'),
    tagIds: new Map(),
    ownerIds: new Map(),
  }
}

function events(outcomes: NewOutcome[]) {
  return outcomes.flatMap((o) => {
    const out: {
      objectType: string
      recordId: string
      eventType: string
      data: Record<string, unknown>
    }[] = []
    if (o.companyCreated && o.companyId)
      out.push({
        objectType: 'company',
        recordId: o.companyId,
        eventType: 'created',
        data: { source: 'import' },
      })
    if (o.recordId && o.objectType && (o.outcome === 'created' || o.outcome === 'updated'))
      out.push({
        objectType: o.objectType,
        recordId: o.recordId,
        eventType: o.outcome,
        data: { source: 'import' },
      })
    return out
  })
}

/**
 * Processes the next chunk of one import. Returns false when the import has no rows left (it is
 * then marked done) or is not running.
 */
export async function runImportChunk(
  deps: Deps,
  workspaceId: string,
  importId: string,
  opts: ChunkOptions = {},
): Promise<boolean> {
  const size = opts.size ?? chunkSize
  const first = await findImport(deps.db, workspaceId, importId)
  if (!first || first.status !== 'running') return false
  const table = await parseStored(deps.db, first)
  const ctx = await contextFor(deps, first)
  return deps.db.transaction().execute(async (trx) => {
    // The row lock makes a second runner wait, then see the progress this one committed.
    const imp = await findImport(trx, workspaceId, importId, true)
    if (!imp || imp.status !== 'running') return false
    const rows = table.rows.slice(imp.rows_done, imp.rows_done + size)
    const outcomes = await applyRows(trx, ctx, imp, table.headers, rows)
    await insertOutcomes(trx, workspaceId, importId, outcomes)
    const actor = jobActor(imp)
    const evs = events(outcomes)
    if (evs.length) await recordEvents(trx, actor, evs)
    const count = (o: string) => outcomes.filter((x) => x.outcome === o).length
    const rowsDone = imp.rows_done + rows.length
    const isDone = rowsDone >= table.rows.length
    const counts = {
      created_count: imp.created_count + count('created'),
      updated_count: imp.updated_count + count('updated'),
      skipped_count: imp.skipped_count + count('skipped'),
      failed_count: imp.failed_count + count('failed'),
    }
    await updateImport(trx, workspaceId, importId, {
      ...counts,
      rows_done: rowsDone,
      locked_until: isDone ? null : new Date(Date.now() + leaseMs),
      ...(isDone ? { status: 'done', finished_at: new Date() } : {}),
    })
    if (isDone)
      await audit(trx, actor, {
        action: 'import',
        objectType: imp.object_type === 'companies' ? 'company' : 'contact',
        details: { importId, filename: imp.filename, ...counts },
      })
    opts.beforeCommit?.()
    return !isDone
  })
}

/** Runs every claimable import to its end; returns how many it finished. */
export async function runQueuedImports(deps: Deps, isStopped: () => boolean = () => false) {
  let finished = 0
  for (;;) {
    const claimed = await claimImport(deps.db, leaseMs)
    if (!claimed) return finished
    try {
      while (!isStopped() && (await runImportChunk(deps, claimed.workspace_id, claimed.id))) {
        // next chunk
      }
    } catch (err) {
      // A file that cannot be read any more, or a database failure: stop with a report.
      const message = err instanceof Error ? err.message : String(err)
      await updateImport(deps.db, claimed.workspace_id, claimed.id, {
        status: 'failed',
        last_error: message.slice(0, 1000),
        locked_until: null,
        finished_at: new Date(),
      })
    }
    if (isStopped()) {
      // Hand the import back at once, so the next start continues without waiting for the lease.
      await updateImport(deps.db, claimed.workspace_id, claimed.id, { locked_until: null })
      return finished
    }
    finished++
  }
}
