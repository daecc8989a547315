import type {
  Import,
  ImportMapping,
  ImportMappingUpdate,
  ImportPreview,
} from '../../../shared/imports.schema'
import {
  importProblemAnswer,
  importProblemsLine,
  importProblemText,
  type ImportProblem,
} from '../../../shared/import-problems'
import type { Locale } from '../../../shared/messages'
import type { Readable } from 'node:stream'
import type { Deps } from '../../deps'
import { AppError, fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { csvLine } from '../../lib/csv'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { firstRows, infoOf, storedSource, storeFile } from './import-file'
import { saveUpload } from './import-upload'
import { rowValues } from './import-values'
import {
  findImport,
  insertImport,
  insertTemplate,
  listFlagged,
  listOutcomes,
  listTemplates,
  updateImport,
  type ImportRow,
} from './imports.repo'
import type { Delimiter } from './parse-csv'
import type { TextEncoding } from './parse-encoding'
import { fileSource, scanFile, type FileInfo } from './parse-stream'
import { ImportFileError } from './parse-types'
import { suggestMapping } from './suggest-fields'

// Imports: upload → mapping → preview → start (the job does the rest) → report, failed rows, undo.

type ObjectType = 'companies' | 'contacts' | 'both'

export function authorizeImport(actor: Actor, objectType: string, action: 'create' | 'read') {
  if (objectType !== 'contacts') authorize(actor, 'companies', action)
  if (objectType !== 'companies') authorize(actor, 'contacts', action)
  if (action === 'create') {
    if (objectType !== 'contacts') authorize(actor, 'companies', 'update')
    if (objectType !== 'companies') authorize(actor, 'contacts', 'update')
  }
}

/** CSV files may be this large; XLSX and vCard are capped lower (parse-stream). */
export const maxUploadBytes = 1024 * 1024 * 1024

async function parseOrFail(fn: () => Promise<FileInfo>): Promise<FileInfo> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof ImportFileError) throw fieldError('file', err.code, err.message)
    throw err
  }
}

async function customRefs(deps: Deps, workspaceId: string, objectType: string) {
  const defs = await customFieldDefinitions(
    deps.db,
    workspaceId,
    objectType === 'companies' ? 'company' : 'contact',
  )
  return defs
}

function toApi(r: ImportRow, suggestions: ImportMapping): Import {
  const started = r.started_at?.getTime()
  const end = r.finished_at?.getTime() ?? Date.now()
  const seconds = started ? Math.max((end - started) / 1000, 0.001) : 0
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    id: r.id,
    objectType: r.object_type as ObjectType,
    filename: r.filename,
    format: r.format as Import['format'],
    encoding: r.encoding,
    delimiter: r.delimiter,
    sheet: r.sheet,
    sheets: r.sheets,
    headers: r.headers,
    warnings: r.warnings,
    mapping: r.mapping as ImportMapping,
    suggestions,
    dedupeRule: r.dedupe_rule as Import['dedupeRule'],
    matchAction: r.match_action as Import['matchAction'],
    status: r.status as Import['status'],
    counts: {
      created: r.created_count,
      updated: r.updated_count,
      skipped: r.skipped_count,
      failed: r.failed_count,
      flagged: r.flagged_count,
    },
    progress: {
      rowsDone: r.rows_done,
      rowsTotal: r.rows_total,
      rowsPerSecond: started && r.rows_done ? Math.round(r.rows_done / seconds) : null,
    },
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    undoUntil: r.undo_until.toISOString(),
    undoneAt: iso(r.undone_at),
  }
}

export async function loadImport(deps: Deps, actor: Actor, id: string): Promise<ImportRow> {
  const row = await findImport(deps.db, actor.workspaceId, id)
  // Imports are private to whoever made them, unless the actor sees everyone's records.
  if (!row || (row.created_by !== actor.userId && actor.scope !== 'all' && actor.role !== 'admin'))
    throw notFound('Import')
  return row
}

async function describe(deps: Deps, row: ImportRow): Promise<Import> {
  const defs = await customRefs(deps, row.workspace_id, row.object_type)
  return toApi(row, suggestMapping(row.headers, defs))
}

export async function uploadImport(
  deps: Deps,
  actor: Actor,
  q: { filename: string; objectType: ObjectType; sheet?: string | undefined },
  body: Readable,
): Promise<Import> {
  authorizeImport(actor, q.objectType, 'create')
  const upload = await saveUpload(body, maxUploadBytes)
  try {
    const info = await parseOrFail(() =>
      scanFile(fileSource(upload.path), q.filename, { sheet: q.sheet ?? null }),
    )
    const defs = await customRefs(deps, actor.workspaceId, q.objectType)
    const suggestions = suggestMapping(info.headers, defs)
    const id = newId()
    await deps.db.transaction().execute(async (trx) => {
      await insertImport(trx, {
        workspace_id: actor.workspaceId,
        id,
        object_type: q.objectType,
        filename: q.filename,
        format: info.format,
        encoding: info.encoding,
        delimiter: info.delimiter,
        sheet: info.sheet,
        sheets: info.sheets,
        warnings: info.warnings,
        file_size: upload.size,
        headers: info.headers,
        mapping: suggestions,
        rows_total: info.rowsTotal,
        created_by: actor.userId,
      })
      await storeFile(trx, actor.workspaceId, id, upload.path)
      await audit(trx, actor, {
        action: 'create',
        objectType: 'import',
        recordIds: [id],
        details: { filename: q.filename, rows: info.rowsTotal },
      })
    })
    return await describe(deps, await loadImport(deps, actor, id))
  } finally {
    await upload.remove()
  }
}

export async function getImport(deps: Deps, actor: Actor, id: string): Promise<Import> {
  return describe(deps, await loadImport(deps, actor, id))
}

export async function updateMapping(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ImportMappingUpdate,
): Promise<Import> {
  const row = await loadImport(deps, actor, id)
  authorizeImport(actor, row.object_type, 'create')
  if (row.status !== 'uploaded') throw fieldError('status', 'import_not_editable')
  const settings = {
    encoding: input.encoding === undefined ? row.encoding : input.encoding,
    delimiter: input.delimiter === undefined ? row.delimiter : input.delimiter,
    sheet: input.sheet === undefined ? row.sheet : input.sheet,
  }
  const isSame =
    settings.encoding === row.encoding &&
    settings.delimiter === row.delimiter &&
    settings.sheet === row.sheet
  // Other file settings mean another header and row count: the stored file is read again.
  const info = isSame
    ? infoOf(row)
    : await parseOrFail(() =>
        scanFile(storedSource(deps.db, row.workspace_id, row.id), row.filename, {
          format: row.format as FileInfo['format'],
          encoding: settings.encoding as TextEncoding | null,
          delimiter: settings.delimiter as Delimiter | null,
          sheet: settings.sheet,
        }),
      )
  for (const column of Object.keys(input.mapping))
    if (!info.headers.includes(column))
      throw fieldError(`mapping.${column}`, 'import_unknown_column')
  const mapping = Object.fromEntries(info.headers.map((h) => [h, input.mapping[h] ?? 'ignore']))
  await deps.db.transaction().execute(async (trx) => {
    await updateImport(trx, actor.workspaceId, id, {
      encoding: info.encoding,
      delimiter: info.delimiter,
      sheet: info.sheet,
      sheets: info.sheets,
      warnings: info.warnings,
      headers: info.headers,
      mapping,
      rows_total: info.rowsTotal,
      ...(input.dedupeRule ? { dedupe_rule: input.dedupeRule } : {}),
      ...(input.matchAction ? { match_action: input.matchAction } : {}),
    })
    if (input.saveAsTemplate)
      await insertTemplate(trx, {
        workspaceId: actor.workspaceId,
        id: newId(),
        name: input.saveAsTemplate,
        objectType: row.object_type,
        mapping,
        createdBy: actor.userId,
      })
  })
  return getImport(deps, actor, id)
}

export async function previewImport(
  deps: Deps,
  actor: Actor,
  id: string,
  limit: number,
  locale: Locale,
): Promise<ImportPreview> {
  const row = await loadImport(deps, actor, id)
  const rows = await firstRows(deps.db, row, limit)
  const defs = await customRefs(deps, actor.workspaceId, row.object_type)
  return {
    headers: row.headers,
    rows: rows.map((r) => ({
      line: r.line,
      cells: r.cells.map((c) => c.slice(0, 1000)),
      issues: (r.error
        ? [r.error]
        : rowValues(row.headers, r.cells, row.mapping as ImportMapping, defs).issues
      ).map((p) => ({ ...importProblemAnswer(p, locale), column: p.column ?? '' })),
    })),
  }
}

/**
 * A stored row's problems, each with the column of its field when the problem came from a
 * record rule (`custom.region`) rather than from a cell. Null for a row stored before problems
 * were kept as codes: its English `error` text is all there is.
 */
function storedProblems(problems: unknown, mapping: ImportMapping): ImportProblem[] | null {
  if (!Array.isArray(problems)) return null
  return (problems as ImportProblem[]).map((p) => {
    if (p.column || !p.field) return p
    const column = Object.keys(mapping).find((h) => mapping[h] === p.field)
    return column ? { ...p, column } : p
  })
}

/** A failed row's reason in `locale`, from its codes, or the text stored with an older row. */
function failureOf(
  f: { problems: unknown; error: string | null },
  mapping: ImportMapping,
  locale: Locale,
) {
  const problems = storedProblems(f.problems, mapping)
  if (!problems) return { error: f.error ?? '', problems: [] }
  return {
    error: importProblemsLine(problems, locale),
    problems: problems.map((p) => importProblemAnswer(p, locale)),
  }
}

export async function startImport(deps: Deps, actor: Actor, id: string): Promise<Import> {
  const row = await loadImport(deps, actor, id)
  authorizeImport(actor, row.object_type, 'create')
  if (row.status !== 'uploaded') throw fieldError('status', 'import_not_editable')
  if (!Object.values(row.mapping).some((t) => t !== 'ignore'))
    throw fieldError('mapping', 'import_no_mapping')
  await updateImport(deps.db, actor.workspaceId, id, {
    status: 'running',
    started_at: new Date(),
    locked_until: null,
  })
  return getImport(deps, actor, id)
}

export async function importReport(deps: Deps, actor: Actor, id: string, locale: Locale) {
  const row = await loadImport(deps, actor, id)
  const failed = await listOutcomes(deps.db, actor.workspaceId, id, 'failed', 10_000)
  const flagged = await listFlagged(deps.db, actor.workspaceId, id, 10_000)
  return {
    counts: {
      created: row.created_count,
      updated: row.updated_count,
      skipped: row.skipped_count,
      failed: row.failed_count,
      flagged: row.flagged_count,
    },
    failures: failed.map((f) => ({
      line: f.row_number,
      ...failureOf(f, row.mapping as ImportMapping, locale),
    })),
    flagged: flagged.map((f) => {
      const reason = storedProblems(f.problems, {})?.[0]
      return reason
        ? { line: f.row_number, reason: importProblemText(reason, locale), code: reason.code }
        : { line: f.row_number, reason: f.reason ?? '', code: null }
    }),
  }
}

/** The failed rows as CSV with their original columns and the reason, to fix and import again. */
export async function failedRowsCsv(
  deps: Deps,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<string> {
  const row = await loadImport(deps, actor, id)
  const failed = await listOutcomes(deps.db, actor.workspaceId, id, 'failed')
  const mapping = row.mapping as ImportMapping
  // The two added columns are named in the reader's language too; no field is suggested for
  // either, so a fixed file uploaded again leaves them unmapped.
  const added = locale === 'fi' ? ['Rivi', 'Virhe'] : ['Line', 'Error']
  const lines = [csvLine([...row.headers, ...added])]
  for (const f of failed)
    lines.push(csvLine([...f.raw, f.row_number, failureOf(f, mapping, locale).error]))
  return `\uFEFF${lines.join('')}`
}

export async function listMappingTemplates(deps: Deps, actor: Actor) {
  const rows = await listTemplates(deps.db, actor.workspaceId)
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    objectType: r.object_type as ObjectType,
    mapping: r.mapping as ImportMapping,
    createdAt: r.created_at.toISOString(),
  }))
}

export function isUndoable(row: ImportRow): boolean {
  return row.status === 'done' && !row.undone_at && row.undo_until.getTime() > Date.now()
}

export function assertUndoable(row: ImportRow): void {
  if (row.status === 'running' || row.status === 'queued')
    throw new AppError('CONFLICT', 'The import is still running')
  if (!isUndoable(row)) throw fieldError('status', 'import_undo_expired')
}
