import type { AuditEntry, AuditFilter, AuditQuery } from '../../../shared/audit.schema'
import type { Page } from '../../../shared/common.schema'
import type { Deps } from '../../deps'
import { fieldError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { csvLine } from '../../lib/csv'
import { isUuid } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from './audit.service'
import { listAuditRows } from './audit.repo'

// Reading the audit log (GDPR-5). The log itself is append-only: a database trigger refuses
// UPDATE and DELETE, so nothing here, or anywhere, can rewrite it.

function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id })).toString('base64url')
}

function decodeCursor(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  try {
    const { id } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { id?: unknown }
    if (typeof id === 'string' && isUuid(id)) return id
  } catch {
    // falls through to the validation error
  }
  throw fieldError('cursor', 'invalid_cursor')
}

export async function listAuditLog(
  deps: Deps,
  actor: Actor,
  query: AuditQuery,
): Promise<Page<AuditEntry>> {
  authorize(actor, 'audit-log', 'read')
  const { limit, cursor, ...filter } = query
  const rows = await listAuditRows(deps.db, actor.workspaceId, filter, {
    limit: limit + 1,
    afterId: decodeCursor(cursor),
  })
  const data = rows.slice(0, limit)
  const last = data.at(-1)
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null }
}

const csvColumns = [
  'createdAt',
  'action',
  'objectType',
  'recordId',
  'recordCount',
  'actorUserId',
  'actorApiKeyId',
  'requestId',
  'ip',
  'details',
  'id',
] as const
const exportBatch = 1000

/**
 * The filtered log as CSV lines, read in batches so a long log streams in constant memory.
 * The export is itself written to the log before the first line goes out.
 */
export async function exportAuditLog(
  deps: Deps,
  actor: Actor,
  filter: AuditFilter,
): Promise<AsyncIterable<string>> {
  authorize(actor, 'audit-log', 'read')
  await deps.db
    .transaction()
    .execute((trx) =>
      audit(trx, actor, { action: 'export', objectType: 'audit-log', details: { filter } }),
    )
  async function* lines() {
    yield csvLine([...csvColumns])
    let afterId: string | undefined
    for (;;) {
      const rows = await listAuditRows(deps.db, actor.workspaceId, filter, {
        limit: exportBatch,
        afterId,
      })
      for (const r of rows) yield csvLine(csvColumns.map((c) => r[c]))
      if (rows.length < exportBatch) return
      afterId = rows.at(-1)?.id
    }
  }
  return lines()
}
