import type { Db } from '../../db/client'
import type { FieldChange } from '../../db/schema'
import type { TimelineEvent } from '../../../shared/common.schema'

export type NewTimelineEvent = {
  workspaceId: string
  id: string
  objectType: string
  recordId: string
  eventType: string
  changes?: FieldChange[] | null
  data?: Record<string, unknown> | null
  actorUserId: string | null
  actorApiKeyId: string | null
  requestId: string | null
}

export async function insertTimelineEvents(db: Db, events: NewTimelineEvent[]): Promise<void> {
  if (events.length === 0) return
  await db
    .insertInto('timeline_events')
    .values(
      events.map((e) => ({
        workspace_id: e.workspaceId,
        id: e.id,
        object_type: e.objectType,
        record_id: e.recordId,
        event_type: e.eventType,
        changes: e.changes ? JSON.stringify(e.changes) : null,
        data: e.data ? JSON.stringify(e.data) : null,
        actor_user_id: e.actorUserId,
        actor_api_key_id: e.actorApiKeyId,
        request_id: e.requestId,
      })),
    )
    .execute()
}

export async function listTimelineEvents(
  db: Db,
  opts: {
    workspaceId: string
    objectType: string
    recordIds: string[]
    before?: string
    limit: number
  },
): Promise<TimelineEvent[]> {
  let q = db
    .selectFrom('timeline_events')
    .selectAll()
    .where('workspace_id', '=', opts.workspaceId)
    .where('object_type', '=', opts.objectType)
    .where('record_id', 'in', opts.recordIds)
  if (opts.before) q = q.where('created_at', '<', new Date(opts.before))
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    objectType: r.object_type,
    recordId: r.record_id,
    eventType: r.event_type,
    changes: r.changes,
    data: r.data,
    actorUserId: r.actor_user_id,
    actorApiKeyId: r.actor_api_key_id,
    createdAt: r.created_at.toISOString(),
  }))
}
