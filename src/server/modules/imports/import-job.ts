import { sql } from 'kysely'
import type { ImportMapping } from '../../../shared/imports.schema'
import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { audit } from '../audit/audit.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { recordEventsSql, type RecordEvent } from '../timeline/timeline.service'
import {
  applyCompany,
  applyContact,
  problemsOf,
  resolveOwners,
  type ApplyContext,
} from './import-apply'
import {
  applyContactRows,
  canBulk,
  describeError,
  draftContact,
  failedOutcome,
  type Applied,
  type Prepared,
} from './import-contacts'
import { openRows } from './import-file'
import { ImportStatistics, tablesOf } from './import-statistics'
import { rowValues } from './import-values'
import {
  addCreatedTags,
  claimImport,
  findImport,
  insertOutcomes,
  preferIndexScans,
  updateImport,
  type ImportRow,
} from './imports.repo'
import type { RowReader } from './parse-stream'
import type { ParsedRow } from './parse-types'

// The durable import job. Rows are written in chunks; each chunk is one transaction holding the
// records, their import_rows outcomes, timeline events and the import's progress (rows_done).
// The import row is locked first and the chunk must start where rows_done says, so a crash
// loses at most the chunk in flight (rolled back, done again by the next claim): exactly once.
// The file is read as a stream that stays open from chunk to chunk; the next chunk's rows are
// read and checked while the database writes the current one.

export const chunkSize = 5000
/**
 * On PGlite a chunk's transaction holds the one connection every request needs, so chunks are
 * smaller there: other users wait well under a second for a running import.
 */
export const embeddedChunkSize = 2000
const sizeFor = (deps: Deps) => (deps.engine === 'pglite' ? embeddedChunkSize : chunkSize)
export const leaseMs = 5 * 60 * 1000

/** This process, as the owner of the leases it takes (a new id on every start). */
export const processOwner = newId()

/**
 * Milliseconds per phase of an import in this process, logged when it finishes: reading and
 * checking rows (Node), the chunk's lookups, the contacts INSERT itself, the other writes, the
 * history (import_rows, timeline) and the commit. Reading overlaps the writes on a server.
 */
export type Timings = Record<string, number>

export type ChunkOptions = {
  size?: number
  owner?: string
  /** Tests simulate a crash by throwing here: the chunk's transaction is rolled back. */
  beforeCommit?: () => void
}

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

type Trx = Deps['db']

/** A row's values, or its failure when the file or a cell cannot be read. */
function prepareRow(ctx: ApplyContext, imp: ImportRow, row: ParsedRow): Prepared | Applied {
  const p = { line: row.line, raw: row.cells }
  if (row.error) return failedOutcome(p, [row.error])
  const defs = ctx.objectType === 'companies' ? ctx.companyDefs : ctx.contactDefs
  const v = rowValues(imp.headers, row.cells, imp.mapping as ImportMapping, defs)
  if (v.issues.length) return failedOutcome(p, v.issues)
  return { ...p, v }
}

type PreparedChunk = { start: number; count: number; failed: Applied[]; ready: Prepared[] }

/**
 * A turn of the event loop. Drafting a chunk takes Node a few hundred milliseconds; done in one
 * piece it would hold back the answers of the chunk being written meanwhile, and with them its
 * next statements, so the database would wait for Node instead of working alongside it.
 */
const turn = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Reads and checks a chunk's rows; for a set-based contacts import also drafts the contact each
 * row would create. Runs outside the chunk's transaction, while the previous chunk is written.
 */
async function prepareChunk(
  deps: Deps,
  ctx: ApplyContext,
  imp: ImportRow,
  start: number,
  rows: ParsedRow[],
): Promise<PreparedChunk> {
  const failed: Applied[] = []
  const ready: Prepared[] = []
  for (const [i, row] of rows.entries()) {
    const p = prepareRow(ctx, imp, row)
    if ('v' in p) ready.push(p)
    else failed.push(p)
    if (i % 250 === 249) await turn()
  }
  if (canBulk(ctx)) {
    await resolveOwners(
      deps.db,
      ctx,
      ready.flatMap((p) => p.v.ownerEmail ?? []),
    )
    for (const [i, p] of ready.entries()) {
      p.draft = draftContact(ctx, p)
      if (i % 250 === 249) await turn()
    }
  }
  return { start, count: rows.length, failed, ready }
}

async function applyRow(trx: Trx, ctx: ApplyContext, p: Prepared): Promise<Applied> {
  const base = { rowNumber: p.line, raw: p.raw }
  // A savepoint per row: a row the database refuses fails alone, the chunk goes on.
  await sql`savepoint import_row`.execute(trx)
  try {
    const company = await applyCompany(trx, ctx, p.v)
    let out: Applied
    if (ctx.objectType === 'companies' && company) out = { ...base, ...company }
    else {
      const contact = await applyContact(trx, ctx, p.v, company?.recordId ?? null)
      out = { ...base, ...contact, companyCreated: company?.outcome === 'created' }
    }
    await sql`release savepoint import_row`.execute(trx)
    return out
  } catch (err) {
    await sql`rollback to savepoint import_row`.execute(trx)
    return failedOutcome(p, problemsOf(err))
  }
}

/** All rows of a chunk: contacts set-based where the rules allow, the rest one by one. */
async function applyRows(deps: Deps, trx: Trx, ctx: ApplyContext, chunk: PreparedChunk) {
  const outcomes: Applied[] = [...chunk.failed]
  let slow = chunk.ready
  if (canBulk(ctx)) {
    const bulk = await applyContactRows(deps, trx, ctx, chunk.ready)
    outcomes.push(...bulk.outcomes)
    slow = bulk.retry
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
    createdTagIds: [],
  }
}

function events(importId: string, outcomes: Applied[]): RecordEvent[] {
  const data = { source: 'import', importId }
  return outcomes.flatMap((o) => {
    const out: RecordEvent[] = []
    if (o.companyCreated && o.companyId)
      out.push({ objectType: 'company', recordId: o.companyId, eventType: 'created', data })
    if (o.recordId && o.objectType && o.outcome === 'created')
      out.push({ objectType: o.objectType, recordId: o.recordId, eventType: 'created', data })
    if (o.recordId && o.objectType && o.outcome === 'updated')
      out.push({
        objectType: o.objectType,
        recordId: o.recordId,
        eventType: 'updated',
        changes: o.changes ?? null,
        data,
      })
    return out
  })
}

type ChunkResult = 'next' | 'done' | 'moved' | 'stopped'

/**
 * Writes one prepared chunk in one transaction. 'moved' means another process wrote these rows
 * first (the reader must be placed again at rows_done); 'stopped' that the import is no longer
 * running (undone, failed).
 */
async function writeChunk(
  deps: Deps,
  ctx: ApplyContext,
  workspaceId: string,
  importId: string,
  chunk: PreparedChunk,
  isLast: boolean,
  opts: ChunkOptions & { timings?: Timings },
): Promise<ChunkResult> {
  const t = opts.timings
  const clock = () => performance.now()
  let commitFrom = 0
  const result = await deps.db.transaction().execute(async (trx): Promise<ChunkResult> => {
    // The row lock makes a second runner wait, then see the progress this one committed.
    const imp = await findImport(trx, workspaceId, importId, true)
    if (!imp || imp.status !== 'running') return 'stopped'
    if (imp.rows_done !== chunk.start) return 'moved'
    await preferIndexScans(trx)
    ctx.createdTagIds = []
    ctx.timings = t
    let at = clock()
    const outcomes = await applyRows(deps, trx, ctx, chunk)
    if (t) t.apply = (t.apply ?? 0) + clock() - at
    at = clock()
    await insertOutcomes(trx, workspaceId, importId, outcomes)
    const actor = jobActor(imp)
    const evs = events(importId, outcomes)
    // One jsonb parameter for the chunk's events (a values list of 50,000 parameters took Node
    // 9 µs a row to build and send).
    if (evs.length) await recordEventsSql(actor, evs, sql`true`).execute(trx)
    await addCreatedTags(trx, workspaceId, importId, ctx.createdTagIds)
    if (t) t.history = (t.history ?? 0) + clock() - at
    commitFrom = clock()
    const count = (o: string) => outcomes.filter((x) => x.outcome === o).length
    const rowsDone = imp.rows_done + chunk.count
    const counts = {
      created_count: imp.created_count + count('created'),
      updated_count: imp.updated_count + count('updated'),
      skipped_count: imp.skipped_count + count('skipped'),
      failed_count: imp.failed_count + count('failed'),
      flagged_count: imp.flagged_count + outcomes.filter((o) => o.reason).length,
    }
    await updateImport(trx, workspaceId, importId, {
      ...counts,
      rows_done: rowsDone,
      lease_owner: isLast ? null : (opts.owner ?? processOwner),
      locked_until: isLast ? null : new Date(Date.now() + leaseMs),
      ...(isLast ? { status: 'done', finished_at: new Date() } : {}),
    })
    // One audit entry for the whole import, with its counts (docs/imports.md).
    if (isLast)
      await audit(trx, actor, {
        action: 'import',
        objectType: imp.object_type === 'companies' ? 'company' : 'contact',
        details: { importId, filename: imp.filename, ...counts },
      })
    opts.beforeCommit?.()
    return isLast ? 'done' : 'next'
  })
  // The progress update and the commit itself (when the database flushes the chunk).
  if (t && commitFrom) t.commit = (t.commit ?? 0) + clock() - commitFrom
  return result
}

/**
 * Processes the next chunk of one import from where rows_done says (opening the file for it).
 * Returns false when the import has no rows left (it is then marked done) or is not running.
 */
export async function runImportChunk(
  deps: Deps,
  workspaceId: string,
  importId: string,
  opts: ChunkOptions = {},
): Promise<boolean> {
  const imp = await findImport(deps.db, workspaceId, importId)
  if (!imp || imp.status !== 'running') return false
  const ctx = await contextFor(deps, imp)
  const reader = await openRows(deps.db, imp, imp.rows_done)
  try {
    const rows = await reader.take(opts.size ?? sizeFor(deps))
    const chunk = await prepareChunk(deps, ctx, imp, imp.rows_done, rows)
    return (
      (await writeChunk(deps, ctx, workspaceId, importId, chunk, reader.isAtEnd, opts)) === 'next'
    )
  } finally {
    await reader.close()
  }
}

/** Runs one claimed import to its end, or until the process stops. */
async function runImport(
  deps: Deps,
  claimed: { workspace_id: string; id: string },
  owner: string,
  isStopped: () => boolean,
  size: number,
): Promise<void> {
  const imp = await findImport(deps.db, claimed.workspace_id, claimed.id)
  if (!imp) return
  const timings: Timings = { read: 0, prepare: 0 }
  const started = performance.now()
  const ctx = await contextFor(deps, imp)
  const statistics = new ImportStatistics(tablesOf(imp.object_type))
  let reader: RowReader = await openRows(deps.db, imp, imp.rows_done)
  const next = async (start: number): Promise<{ chunk: PreparedChunk; isLast: boolean }> => {
    let at = performance.now()
    const rows = await reader.take(size)
    timings.read = (timings.read ?? 0) + performance.now() - at
    at = performance.now()
    const chunk = await prepareChunk(deps, ctx, imp, start, rows)
    timings.prepare = (timings.prepare ?? 0) + performance.now() - at
    return { chunk, isLast: reader.isAtEnd }
  }
  try {
    let current = await next(imp.rows_done)
    for (;;) {
      // The next chunk is read and checked while this one is written (Node and the database
      // work at the same time on a server; on PGlite the reads wait for the transaction).
      const write = writeChunk(deps, ctx, imp.workspace_id, imp.id, current.chunk, current.isLast, {
        owner,
        timings,
      })
      const ahead = current.isLast ? null : next(current.chunk.start + current.chunk.count)
      let result: ChunkResult
      try {
        result = await write
      } catch (err) {
        await ahead?.catch(() => undefined)
        throw err
      }
      const upcoming = ahead ? await ahead : null
      // Let waiting requests in: PGlite answers within the same thread, so without a turn of the
      // event loop between chunks a running import would keep every HTTP request waiting.
      await turn()
      if (result === 'done' || result === 'stopped') break
      if (result === 'moved') {
        // Someone else wrote these rows: read on from what is committed.
        const now = await findImport(deps.db, imp.workspace_id, imp.id)
        if (!now || now.status !== 'running') break
        await reader.close()
        reader = await openRows(deps.db, now, now.rows_done)
        current = await next(now.rows_done)
        continue
      }
      if (isStopped() || !upcoming) break
      const at = performance.now()
      await statistics.afterChunk(deps.db, current.chunk.count)
      timings.analyze = (timings.analyze ?? 0) + performance.now() - at
      current = upcoming
    }
  } finally {
    await reader.close()
  }
  const rounded = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]))
  const memory = process.memoryUsage()
  deps.log.info(
    {
      importId: imp.id,
      rows: imp.rows_total,
      ms: Math.round(performance.now() - started),
      timings: rounded,
      rssMb: Math.round(memory.rss / 2 ** 20),
      heapMb: Math.round(memory.heapUsed / 2 ** 20),
    },
    'import finished',
  )
}

export type RunOptions = {
  isStopped?: () => boolean
  /** The lease owner; a server passes its own id, tests pass another to act as a new process. */
  owner?: string
  size?: number
}

/** Runs every claimable import to its end; returns how many it finished. */
export async function runQueuedImports(deps: Deps, opts: RunOptions = {}) {
  const isStopped = opts.isStopped ?? (() => false)
  const owner = opts.owner ?? processOwner
  const check = deps.engine === 'postgres' ? 'advisory-lock' : 'single-process'
  let finished = 0
  for (;;) {
    const claimed = await claimImport(deps.db, owner, leaseMs, check)
    if (!claimed) return finished
    try {
      await runImport(deps, claimed, owner, isStopped, opts.size ?? sizeFor(deps))
    } catch (err) {
      // A file that cannot be read any more, or a database failure: stop with a report.
      await updateImport(deps.db, claimed.workspace_id, claimed.id, {
        status: 'failed',
        last_error: describeError(err).slice(0, 1000),
        locked_until: null,
        lease_owner: null,
        finished_at: new Date(),
      })
    }
    if (isStopped()) {
      // Hand the import back at once, so the next start continues without waiting for the lease.
      await updateImport(deps.db, claimed.workspace_id, claimed.id, {
        locked_until: null,
        lease_owner: null,
      })
      return finished
    }
    finished++
  }
}
