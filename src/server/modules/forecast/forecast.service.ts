import type {
  ForecastQuery,
  ForecastRow,
  Metrics,
  MetricsQuery,
} from '../../../shared/forecast.schema'
import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { listPipelines } from '../pipelines/pipelines.service'
import { workspaceCurrency } from '../workspaces/workspaces.service'
import { closedStats, forecastSums, groupNames, quotaSums, stageConversion } from './forecast.repo'
import { addDays, addPeriods, periodStart, today } from './periods'

/** Weighted, commit and best-case per period and rep (or team), next to the quota. */
export async function getForecast(
  deps: Deps,
  actor: Actor,
  q: ForecastQuery,
): Promise<ForecastRow[]> {
  authorize(actor, 'forecast', 'read')
  const from = periodStart(q.from ?? today(), q.period)
  const to = q.to ?? addDays(addPeriods(from, q.period, 6), -1)
  const scope = {
    workspaceId: actor.workspaceId,
    period: q.period,
    groupBy: q.groupBy,
    from,
    to,
    until: addPeriods(periodStart(to, q.period), q.period, 1),
    pipelineId: q.pipelineId,
    ownerIds: await visibleOwnerIds(deps, actor),
  }
  const [sums, quotas] = await Promise.all([
    forecastSums(deps.db, scope),
    quotaSums(deps.db, scope),
  ])
  // A row per period, rep (or team) and currency: amounts in different currencies are never
  // added up, as the workspace has no exchange rates.
  const rows = new Map<string, ForecastRow>()
  const key = (bucket: string, group: string | null, currency: string) =>
    `${bucket}|${group ?? ''}|${currency}`
  const blank = (bucket: string, group: string | null, currency: string): ForecastRow => ({
    periodStart: bucket,
    groupId: group,
    groupName: null,
    currency,
    closedWon: 0,
    commit: 0,
    bestCase: 0,
    weighted: 0,
    pipeline: 0,
    quota: null,
  })
  for (const s of sums)
    rows.set(key(s.bucket, s.group_id, s.currency), {
      ...blank(s.bucket, s.group_id, s.currency),
      closedWon: Number(s.closed_won),
      commit: Number(s.commit),
      bestCase: Number(s.best_case),
      weighted: Number(s.weighted),
      pipeline: Number(s.pipeline),
    })
  for (const qs of quotas) {
    const k = key(qs.bucket, qs.group_id, qs.currency)
    const row = rows.get(k) ?? blank(qs.bucket, qs.group_id, qs.currency)
    rows.set(k, { ...row, quota: Number(qs.amount) })
  }
  const ids = [...new Set([...rows.values()].flatMap((r) => (r.groupId ? [r.groupId] : [])))]
  const names = await groupNames(deps.db, actor.workspaceId, q.groupBy, ids)
  return [...rows.values()]
    .map((r) => ({ ...r, groupName: r.groupId ? (names.get(r.groupId) ?? null) : null }))
    .sort(
      (a, b) =>
        a.periodStart.localeCompare(b.periodStart) ||
        (a.groupName ?? '').localeCompare(b.groupName ?? '') ||
        a.currency.localeCompare(b.currency),
    )
}

/** Win rate, deal size, cycle length, stage conversion and pipeline velocity. */
export async function getMetrics(deps: Deps, actor: Actor, q: MetricsQuery): Promise<Metrics> {
  authorize(actor, 'forecast', 'read')
  const to = q.to ?? today()
  const from = q.from ?? addPeriods(to, 'month', -12)
  const pipelineId = q.pipelineId ?? (await listPipelines(deps, actor))[0]?.id
  const currency = await workspaceCurrency(deps, actor.workspaceId)
  const scope = {
    workspaceId: actor.workspaceId,
    currency,
    from,
    to,
    pipelineId: q.pipelineId,
    ownerIds: await visibleOwnerIds(deps, actor),
    ownerId: q.ownerId,
  }
  const [stats, conversion] = await Promise.all([
    closedStats(deps.db, scope),
    pipelineId ? stageConversion(deps.db, { ...scope, pipelineId }) : [],
  ])
  const won = stats?.won ?? 0
  const lost = stats?.lost ?? 0
  const winRate = won + lost > 0 ? won / (won + lost) : null
  const averageDealSize = stats?.avg_won == null ? null : Math.round(Number(stats.avg_won))
  const salesCycleDays =
    stats?.cycle_days == null ? null : Math.round(Number(stats.cycle_days) * 10) / 10
  const openDeals = stats?.open ?? 0
  const pipelineVelocity =
    winRate !== null && averageDealSize !== null && salesCycleDays
      ? Math.round((openDeals * averageDealSize * winRate) / Math.max(salesCycleDays, 1))
      : null
  return {
    won,
    lost,
    winRate,
    currency,
    averageDealSize,
    salesCycleDays,
    openDeals,
    pipelineVelocity,
    stageConversion: conversion.map((c) => ({
      stageId: c.stage_id,
      name: c.name,
      entered: c.entered,
      advanced: c.advanced,
      rate: c.entered > 0 ? c.advanced / c.entered : null,
    })),
  }
}
