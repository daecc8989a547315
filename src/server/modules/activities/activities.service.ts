import type {
  Activity,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  MyDay,
} from '../../../shared/activities.schema'
import type { Page, TimelineEvent } from '../../../shared/common.schema'
import type { Db } from '../../db/client'
import { planList, type Visibility } from '../../db/list-query'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { assertLinksVisible } from './activity-links'
import { audit } from '../audit/audit.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { listTimelineEvents } from '../timeline/timeline.repo'
import { diffFields, recordEvents, type RecordEvent } from '../timeline/timeline.service'
import {
  activityListSpec,
  countActivityRows,
  findActivities,
  findMyDayRows,
  insertActivities,
  listActivityRows,
  setDeletedAt,
  updateActivityRow,
  valuesOf,
  type ActivityVisibility,
} from './activities.repo'
import { linkedEvents, mergeActivityValues } from './activity-values'

const trackedFields = [
  'type',
  'subject',
  'body',
  'occurredAt',
  'dueAt',
  'done',
  'durationMinutes',
  'assigneeId',
  'companyId',
  'contactId',
  'custom',
] as const

async function customDefs(db: Db, workspaceId: string) {
  return customFieldDefinitions(db, workspaceId, 'activity')
}

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

async function visibility(
  deps: Deps,
  actor: Actor,
  includeDeleted: Visibility['includeDeleted'] = false,
): Promise<ActivityVisibility> {
  return { ownerIds: await visibleOwnerIds(deps, actor), includeDeleted, actorId: actor.userId }
}

const everyone = (actor: Actor): ActivityVisibility => ({ ownerIds: null, actorId: actor.userId })

export async function createActivities(
  deps: Deps,
  actor: Actor,
  inputs: ActivityCreate[],
  isBulk = false,
): Promise<Activity[]> {
  authorize(actor, 'activities', 'create')
  const defs = await customDefs(deps.db, actor.workspaceId)
  const now = new Date()
  const records = inputs.map((input, i) => ({
    id: newId(),
    values: mergeActivityValues(
      { assigneeId: actor.userId, ...input },
      undefined,
      defs,
      isBulk ? `records.${i}.` : '',
      now,
    ),
  }))
  await assertLinksVisible(
    deps,
    actor,
    records.map((r, i) => ({ prefix: isBulk ? `records.${i}.` : '', ...r.values })),
  )
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const created = await insertActivities(trx, actor.workspaceId, records, actor.userId)
      await recordEvents(trx, actor, [
        ...created.map((a) => ({ objectType: 'activity', recordId: a.id, eventType: 'created' })),
        ...created.flatMap((a) => linkedEvents('created', a)),
      ])
      await audit(trx, actor, {
        action: 'create',
        objectType: 'activity',
        recordIds: created.map((a) => a.id),
      })
      return created
    }),
  )
}

export async function getActivity(deps: Deps, actor: Actor, id: string): Promise<Activity> {
  authorize(actor, 'activities', 'read')
  const [activity] = await findActivities(
    deps.db,
    actor.workspaceId,
    [id],
    await visibility(deps, actor, true),
  )
  if (!activity) throw notFound('Activity')
  return activity
}

export async function listActivities(
  deps: Deps,
  actor: Actor,
  query: ActivityListQuery,
): Promise<Page<Activity>> {
  authorize(actor, 'activities', 'read')
  const defs = await customDefs(deps.db, actor.workspaceId)
  const filter = query.overdue ? { ...query.filter, overdue: { eq: query.overdue } } : query.filter
  const plan = planList(activityListSpec(new Map(defs.map((d) => [d.key, d.type]))), {
    ...query,
    filter,
  })
  const includeDeleted = query.includeDeleted === 'only' ? 'only' : query.includeDeleted === 'true'
  const vis = await visibility(deps, actor, includeDeleted)
  const page = await withDb(() => listActivityRows(deps.db, actor.workspaceId, plan, vis))
  if (query.includeTotal !== 'true') return page
  return {
    ...page,
    total: await withDb(() => countActivityRows(deps.db, actor.workspaceId, plan, vis)),
  }
}

export type ActivityPatch = ActivityUpdate & { id: string }

export async function updateActivities(
  deps: Deps,
  actor: Actor,
  patches: ActivityPatch[],
  isBulk = false,
): Promise<Activity[]> {
  authorize(actor, 'activities', 'update')
  const defs = await customDefs(deps.db, actor.workspaceId)
  const vis = await visibility(deps, actor)
  const now = new Date()
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ids = patches.map((p) => p.id)
      const existing = new Map(
        (await findActivities(trx, actor.workspaceId, ids, vis, true)).map((a) => [a.id, a]),
      )
      for (const [i, patch] of patches.entries()) {
        const prefix = isBulk ? `records.${i}.` : ''
        const before = existing.get(patch.id)
        if (!before)
          throw isBulk
            ? fieldError(`${prefix}id`, 'unknown_reference', 'Activity not found')
            : notFound('Activity')
        const values = mergeActivityValues(patch, valuesOf(before), defs, prefix, now)
        const isRelinked =
          values.companyId !== before.companyId || values.contactId !== before.contactId
        // Inside the transaction: on PGlite its one connection is this transaction's.
        if (isRelinked)
          await assertLinksVisible({ ...deps, db: trx }, actor, [{ prefix, ...values }])
        await updateActivityRow(trx, actor.workspaceId, patch.id, values)
      }
      const after = new Map(
        (await findActivities(trx, actor.workspaceId, ids, everyone(actor))).map((a) => [a.id, a]),
      )
      const events = changeEvents(existing, after)
      await recordEvents(trx, actor, events)
      await audit(trx, actor, {
        action: 'update',
        objectType: 'activity',
        recordIds: events.filter((e) => e.objectType === 'activity').map((e) => e.recordId),
      })
      return ids.flatMap((id) => after.get(id) ?? [])
    }),
  )
}

/** `updated` (or `completed`, when a task became done) events with field changes. */
function changeEvents(before: Map<string, Activity>, after: Map<string, Activity>): RecordEvent[] {
  const events: RecordEvent[] = []
  for (const [id, now] of after) {
    const old = before.get(id)
    if (!old) continue
    const changes = diffFields(old, now, [...trackedFields])
    if (changes.length === 0) continue
    const action = !old.done && now.done ? 'completed' : 'updated'
    events.push({ objectType: 'activity', recordId: id, eventType: action, changes })
    events.push(...linkedEvents(action, now, old))
  }
  return events
}

/** Soft delete: the activity leaves lists, my day and record timelines keep its history. */
export async function deleteActivities(deps: Deps, actor: Actor, ids: string[]): Promise<number> {
  authorize(actor, 'activities', 'delete')
  const vis = await visibility(deps, actor)
  return deps.db.transaction().execute(async (trx) => {
    const found = await findActivities(trx, actor.workspaceId, ids, vis, true)
    if (ids.length === 1 && found.length === 0) throw notFound('Activity')
    const foundIds = found.map((a) => a.id)
    await setDeletedAt(trx, actor.workspaceId, foundIds, new Date())
    await recordEvents(trx, actor, [
      ...foundIds.map((id) => ({ objectType: 'activity', recordId: id, eventType: 'deleted' })),
      ...found.flatMap((a) => linkedEvents('deleted', a)),
    ])
    await audit(trx, actor, { action: 'delete', objectType: 'activity', recordIds: foundIds })
    return foundIds.length
  })
}

export async function activityTimeline(
  deps: Deps,
  actor: Actor,
  id: string,
  opts: { before?: string; limit: number },
): Promise<TimelineEvent[]> {
  await getActivity(deps, actor, id)
  return listTimelineEvents(deps.db, {
    workspaceId: actor.workspaceId,
    objectType: 'activity',
    recordIds: [id],
    ...opts,
  })
}

/** The actor's own open tasks and meetings, by the workspace's calendar day. */
export async function myDay(deps: Deps, actor: Actor): Promise<MyDay> {
  authorize(actor, 'activities', 'read')
  return findMyDayRows(deps.db, actor.workspaceId, actor.userId)
}
