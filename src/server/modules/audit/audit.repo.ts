import { sql, type Selectable } from 'kysely'
import type { AuditEntry } from '../../../shared/audit.schema'
import type { Db } from '../../db/client'
import type { AuditLogTable } from '../../db/schema'

export type NewAuditEntry = {
  workspaceId: string
  id: string
  action: string
  objectType: string
  recordId: string | null
  recordCount: number | null
  actorUserId: string | null
  actorApiKeyId: string | null
  requestId: string | null
  ip: string | null
  details: Record<string, unknown> | null
}

export async function insertAuditEntries(db: Db, entries: NewAuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        workspace_id: e.workspaceId,
        id: e.id,
        action: e.action,
        object_type: e.objectType,
        record_id: e.recordId,
        record_count: e.recordCount,
        actor_user_id: e.actorUserId,
        actor_api_key_id: e.actorApiKeyId,
        request_id: e.requestId,
        ip: e.ip,
        details: e.details ? JSON.stringify(e.details) : null,
      })),
    )
    .execute()
}

export type AuditListFilter = {
  action?: string
  objectType?: string
  recordId?: string
  actorUserId?: string
  actorApiKeyId?: string
  from?: string
  to?: string
}

function toAuditEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: r.id,
    action: r.action,
    objectType: r.object_type,
    recordId: r.record_id,
    recordCount: r.record_count,
    actorUserId: r.actor_user_id,
    actorApiKeyId: r.actor_api_key_id,
    requestId: r.request_id,
    ip: r.ip,
    details: r.details,
    createdAt: r.created_at.toISOString(),
  }
}

/**
 * A page of the log, newest first. The cursor is the id of the last entry seen; its exact
 * stored time is read back in SQL, so microsecond timestamps never lose precision in transit.
 */
export async function listAuditRows(
  db: Db,
  workspaceId: string,
  filter: AuditListFilter,
  page: { limit: number; afterId?: string },
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log as a').selectAll('a').where('a.workspace_id', '=', workspaceId)
  if (filter.action) q = q.where('a.action', '=', filter.action)
  if (filter.objectType) q = q.where('a.object_type', '=', filter.objectType)
  if (filter.recordId) q = q.where('a.record_id', '=', filter.recordId)
  if (filter.actorUserId) q = q.where('a.actor_user_id', '=', filter.actorUserId)
  if (filter.actorApiKeyId) q = q.where('a.actor_api_key_id', '=', filter.actorApiKeyId)
  if (filter.from) q = q.where('a.created_at', '>=', new Date(filter.from))
  if (filter.to) q = q.where('a.created_at', '<', new Date(filter.to))
  if (page.afterId)
    q = q.where(
      sql<boolean>`(a.created_at, a.id) < (select c.created_at, c.id from audit_log c
        where c.workspace_id = ${workspaceId} and c.id = ${page.afterId}::uuid)`,
    )
  const rows = await q
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .execute()
  return rows.map(toAuditEntry)
}
