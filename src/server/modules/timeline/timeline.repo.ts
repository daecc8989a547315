import { sql, type RawBuilder } from 'kysely'
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

/** The insert of events, not yet run: a writer may send it as a CTE of its own statement. */
export function timelineInsert(db: Db, events: NewTimelineEvent[]) {
  return db.insertInto('timeline_events').values(
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
}

export async function insertTimelineEvents(db: Db, events: NewTimelineEvent[]): Promise<void> {
  if (events.length === 0) return
  await timelineInsert(db, events).execute()
}

/**
 * The insert of events as SQL for a data-modifying CTE, written only when `when` holds, so a
 * change and its history can be one statement.
 */
export function timelineInsertSql(
  events: NewTimelineEvent[],
  when: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const rows = events.map((e) => ({
    id: e.id,
    object_type: e.objectType,
    record_id: e.recordId,
    event_type: e.eventType,
    changes: e.changes ?? null,
    data: e.data ?? null,
    actor_user_id: e.actorUserId,
    actor_api_key_id: e.actorApiKeyId,
    request_id: e.requestId,
  }))
  return sql`insert into timeline_events (workspace_id, id, object_type, record_id, event_type,
      changes, data, actor_user_id, actor_api_key_id, request_id)
    select ${events[0]?.workspaceId ?? null}::uuid, x.id, x.object_type, x.record_id, x.event_type,
      x.changes, x.data, x.actor_user_id, x.actor_api_key_id, x.request_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, object_type text,
      record_id uuid, event_type text, changes jsonb, data jsonb, actor_user_id uuid,
      actor_api_key_id uuid, request_id text)
    where ${when}`
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
