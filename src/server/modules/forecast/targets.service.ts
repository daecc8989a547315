import type {
  ActivityProgress,
  ActivityTarget,
  ActivityTargetUpsert,
  Coaching,
  Quota,
  QuotaUpsert,
} from '../../../shared/forecast.schema'
import { activityKinds } from '../../../shared/forecast.schema'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { periodStart, addDays, today, weekStart } from './periods'
import {
  activityDone,
  dealsWithoutNextStep,
  deleteQuotaRow,
  listActivityTargets,
  listQuotaRows,
  memberNames,
  rottingDeals,
  upsertActivityTarget,
  upsertQuota,
} from './targets.repo'

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

export async function listQuotas(deps: Deps, actor: Actor): Promise<Quota[]> {
  authorize(actor, 'targets', 'read')
  return listQuotaRows(deps.db, actor.workspaceId, await visibleOwnerIds(deps, actor))
}

/** Sets the quota of a rep for a month or quarter (one per rep and period). */
export async function setQuota(deps: Deps, actor: Actor, input: QuotaUpsert): Promise<Quota> {
  authorize(actor, 'targets', 'update')
  if (periodStart(input.periodStart, input.period) !== input.periodStart)
    throw fieldError('periodStart', 'not_period_start', `Give the first day of the ${input.period}`)
  const quota = { ...input, id: newId(), currency: input.currency ?? 'EUR' }
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const id = await upsertQuota(trx, actor.workspaceId, quota)
      await audit(trx, actor, {
        action: 'update',
        objectType: 'quota',
        recordIds: [id],
        details: { userId: input.userId },
      })
      return { ...quota, id }
    }),
  ).catch((err: unknown) => {
    const e = err as { errors?: { path: string; code: string }[] }
    throw e.errors?.[0]?.code === 'unknown_reference'
      ? fieldError('userId', 'unknown_reference')
      : err
  })
}

export async function removeQuota(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'targets', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    if ((await deleteQuotaRow(trx, actor.workspaceId, id)) === 0) throw notFound('Quota')
    await audit(trx, actor, { action: 'delete', objectType: 'quota', recordIds: [id] })
  })
}

export async function getActivityTargets(deps: Deps, actor: Actor): Promise<ActivityTarget[]> {
  authorize(actor, 'targets', 'read')
  return listActivityTargets(deps.db, actor.workspaceId)
}

export async function setActivityTarget(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: ActivityTargetUpsert,
): Promise<ActivityTarget> {
  authorize(actor, 'targets', 'update')
  const current = (await listActivityTargets(deps.db, actor.workspaceId)).find(
    (t) => t.userId === userId,
  )
  const target: ActivityTarget = {
    userId,
    calls: input.calls ?? current?.calls ?? 0,
    meetings: input.meetings ?? current?.meetings ?? 0,
    emails: input.emails ?? current?.emails ?? 0,
    newDeals: input.newDeals ?? current?.newDeals ?? 0,
  }
  await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      await upsertActivityTarget(trx, actor.workspaceId, target)
      await audit(trx, actor, {
        action: 'update',
        objectType: 'activity_target',
        details: { userId },
      })
    }),
  ).catch((err: unknown) => {
    const e = err as { errors?: { code: string }[] }
    throw e.errors?.[0]?.code === 'unknown_reference' ? notFound('Member') : err
  })
  return target
}

/** Done vs target per rep and week, the newest `weeks` weeks (this week included). */
export async function activityProgress(
  deps: Deps,
  actor: Actor,
  q: { weeks: number; userId?: string },
): Promise<ActivityProgress['data']> {
  authorize(actor, 'targets', 'read')
  const visible = await visibleOwnerIds(deps, actor)
  const users = q.userId ? (visible && !visible.includes(q.userId) ? [] : [q.userId]) : visible
  const thisWeek = weekStart(today())
  const weeks = Array.from({ length: q.weeks }, (_, i) => addDays(thisWeek, -7 * (q.weeks - 1 - i)))
  const [done, targets, names] = await Promise.all([
    activityDone(deps.db, actor.workspaceId, weeks[0] ?? thisWeek, users),
    listActivityTargets(deps.db, actor.workspaceId),
    memberNames(deps.db, actor.workspaceId),
  ])
  const userIds = new Set([...targets.map((t) => t.userId), ...done.map((d) => d.user_id)])
  const rows: ActivityProgress['data'] = []
  for (const userId of userIds) {
    if (users && !users.includes(userId)) continue
    const target = targets.find((t) => t.userId === userId)
    for (const week of weeks) {
      const d = done.find((x) => x.user_id === userId && x.week === week)
      rows.push({
        userId,
        name: names.get(userId) ?? '',
        weekStart: week,
        done: {
          calls: d?.calls ?? 0,
          meetings: d?.meetings ?? 0,
          emails: d?.emails ?? 0,
          newDeals: d?.new_deals ?? 0,
        },
        target: target
          ? {
              calls: target.calls,
              meetings: target.meetings,
              emails: target.emails,
              newDeals: target.newDeals,
            }
          : null,
      })
    }
  }
  return rows
}

/** The manager's view: who is under their weekly targets and which deals need attention. */
export async function coaching(deps: Deps, actor: Actor, weekOf?: string): Promise<Coaching> {
  authorize(actor, 'targets', 'read')
  const week = weekStart(weekOf ?? today())
  const visible = await visibleOwnerIds(deps, actor)
  const [done, targets, names, noNextStep, rotting] = await Promise.all([
    activityDone(deps.db, actor.workspaceId, week, visible),
    listActivityTargets(deps.db, actor.workspaceId),
    memberNames(deps.db, actor.workspaceId),
    dealsWithoutNextStep(deps.db, actor.workspaceId, visible),
    rottingDeals(deps.db, actor.workspaceId, visible),
  ])
  const repsUnderTarget = targets
    .filter((t) => !visible || visible.includes(t.userId))
    .map((t) => {
      const d = done.find((x) => x.user_id === t.userId && x.week === week)
      const doneOf = {
        calls: d?.calls ?? 0,
        meetings: d?.meetings ?? 0,
        emails: d?.emails ?? 0,
        newDeals: d?.new_deals ?? 0,
      }
      const missing = activityKinds
        .filter((k) => doneOf[k] < t[k])
        .map((k) => ({ kind: k, done: doneOf[k], target: t[k] }))
      return { userId: t.userId, name: names.get(t.userId) ?? '', missing }
    })
    .filter((r) => r.missing.length > 0)
  return {
    weekStart: week,
    repsUnderTarget,
    dealsWithoutNextStep: noNextStep.map((d) => ({
      id: d.id,
      title: d.title,
      ownerId: d.owner_id,
      stageName: d.stage_name,
    })),
    rottingDeals: rotting.map((d) => ({
      id: d.id,
      title: d.title,
      ownerId: d.owner_id,
      stageName: d.stage_name,
      idleDays: d.idle_days,
    })),
  }
}
