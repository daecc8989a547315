import { sql, type RawBuilder, type Selectable } from 'kysely'
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

/** The insert of entries, not yet run: a writer may send it as a CTE of its own statement. */
export function auditEntriesInsert(db: Db, entries: NewAuditEntry[]) {
  return db.insertInto('audit_log').values(
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
}

export async function insertAuditEntries(db: Db, entries: NewAuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  await auditEntriesInsert(db, entries).execute()
}

/**
 * The insert of one entry as SQL for a data-modifying CTE, written only when `when` holds:
 * a read and its audit entry then cost one statement (e.g. `exists (select 1 from found)`).
 */
export function auditInsertSql(e: NewAuditEntry, when: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`insert into audit_log (workspace_id, id, action, object_type, record_id, record_count,
      actor_user_id, actor_api_key_id, request_id, ip, details)
    select ${e.workspaceId}::uuid, ${e.id}::uuid, ${e.action}, ${e.objectType}, ${e.recordId}::uuid,
      ${e.recordCount}::int, ${e.actorUserId}::uuid, ${e.actorApiKeyId}::uuid, ${e.requestId},
      ${e.ip}, ${e.details ? JSON.stringify(e.details) : null}::jsonb
    where ${when}`
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
