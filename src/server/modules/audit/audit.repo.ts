import type { Db } from '../../db/client'

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
