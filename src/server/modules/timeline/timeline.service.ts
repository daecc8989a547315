import type { RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import type { FieldChange } from '../../db/schema'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { insertTimelineEvents, timelineInsertSql, type NewTimelineEvent } from './timeline.repo'

export type RecordEvent = {
  objectType: string
  recordId: string
  eventType: 'created' | 'updated' | 'deleted' | 'restored' | 'linked' | 'unlinked' | (string & {})
  changes?: FieldChange[] | null
  data?: Record<string, unknown> | null
}

function eventRows(actor: Actor, events: RecordEvent[]): NewTimelineEvent[] {
  return events.map((e) => ({
    ...e,
    workspaceId: actor.workspaceId,
    id: newId(),
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    requestId: actor.requestId,
  }))
}

/** Writes history in the caller's transaction, so a change and its record stand or fall together. */
export async function recordEvents(db: Db, actor: Actor, events: RecordEvent[]): Promise<void> {
  await insertTimelineEvents(db, eventRows(actor, events))
}

/**
 * The same history as SQL for a data-modifying CTE of the caller's statement, written only when
 * `when` holds (e.g. the change's own CTE returned its row): one round trip for both.
 */
export function recordEventsSql(
  actor: Actor,
  events: RecordEvent[],
  when: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return timelineInsertSql(eventRows(actor, events), when)
}

/** Field-level differences between two API shapes of a record, for the timeline. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: string[],
): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of fields) {
    const oldValue = before[field] ?? null
    const newValue = after[field] ?? null
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue))
      changes.push({ field, old: oldValue, new: newValue })
  }
  return changes
}
