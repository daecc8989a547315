import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'

export type ForecastScope = {
  workspaceId: string
  period: 'month' | 'quarter'
  groupBy: 'rep' | 'team'
  from: string
  to: string
  /** The first day after the last period that `to` falls in. */
  until: string
  pipelineId?: string
  ownerIds: string[] | null
}

function dealScope(f: {
  workspaceId: string
  pipelineId?: string
  ownerIds: string[] | null
}): RawBuilder<unknown> {
  const parts = [sql`d.workspace_id = ${f.workspaceId}`, sql`d.deleted_at is null`]
  if (f.pipelineId) parts.push(sql`d.pipeline_id = ${f.pipelineId}`)
  if (f.ownerIds) parts.push(sql`d.owner_id = any(${f.ownerIds}::uuid[])`)
  return sql.join(parts, sql` and `)
}

type SumRow = {
  bucket: string
  group_id: string | null
  currency: string
  closed_won: string
  commit: string
  best_case: string
  weighted: string
  pipeline: string
}

/**
 * One aggregate over the deals: won deals count in the period they closed, open ones in the
 * period of their expected close date; lost and 'omitted' deals are left out. Amounts are summed
 * per currency. Won and open deals are read apart, each by a range of its own date column from
 * its own covering index (deals_won_idx, deals_open_close_idx: index-only scans), not by a walk
 * over every deal of the workspace and its heap pages.
 */
export async function forecastSums(db: Db, f: ForecastScope): Promise<SumRow[]> {
  const group = f.groupBy === 'rep' ? sql`d.owner_id` : sql`tm.team_id`
  const teamJoin =
    f.groupBy === 'team'
      ? sql`left join team_members tm on tm.workspace_id = d.workspace_id and tm.user_id = d.owner_id`
      : sql``
  const common = sql`${dealScope(f)} and d.forecast_category is distinct from 'omitted'`
  const r = await sql<SumRow>`
    with x as (
      select d.amount, d.currency, 'won' as status, d.forecast_category as cat,
        ${group} as group_id, 100 as prob,
        date_trunc(${f.period}, (d.closed_at at time zone 'Europe/Helsinki'))::date as bucket
      from deals d ${teamJoin}
      where ${common} and d.status = 'won'
        and d.closed_at >= (${f.from}::date::timestamp at time zone 'Europe/Helsinki')
        and d.closed_at < (${f.until}::date::timestamp at time zone 'Europe/Helsinki')
      union all
      select d.amount, d.currency, 'open', d.forecast_category, ${group},
        coalesce(d.probability, s.probability),
        date_trunc(${f.period}, d.expected_close_date)::date
      from deals d
      join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
      ${teamJoin}
      where ${common} and d.status = 'open'
        and d.expected_close_date >= ${f.from}::date and d.expected_close_date < ${f.until}::date
    )
    select bucket::text as bucket, group_id, currency,
      coalesce(sum(amount) filter (where status = 'won'), 0) as closed_won,
      coalesce(sum(amount) filter (where status = 'won' or cat = 'commit' or (cat is null and prob >= 80)), 0) as commit,
      coalesce(sum(amount) filter (where status = 'won' or cat in ('commit', 'best_case') or (cat is null and prob >= 50)), 0) as best_case,
      round(coalesce(sum(case when status = 'won' then amount else amount * prob / 100.0 end), 0)) as weighted,
      coalesce(sum(amount), 0) as pipeline
    from x
    group by bucket, group_id, currency
    order by bucket`.execute(db)
  return r.rows
}

export async function quotaSums(
  db: Db,
  f: ForecastScope,
): Promise<{ bucket: string; group_id: string | null; currency: string; amount: string }[]> {
  const group = f.groupBy === 'rep' ? sql`q.user_id` : sql`tm.team_id`
  const teamJoin =
    f.groupBy === 'team'
      ? sql`left join team_members tm on tm.workspace_id = q.workspace_id and tm.user_id = q.user_id`
      : sql``
  const r = await sql<{
    bucket: string
    group_id: string | null
    currency: string
    amount: string
  }>`
    select date_trunc(${f.period}, q.period_start)::date::text as bucket, ${group} as group_id,
      q.currency, sum(q.amount) as amount
    from quotas q ${teamJoin}
    where q.workspace_id = ${f.workspaceId} and q.period = ${f.period}
      and q.period_start between ${f.from}::date and ${f.to}::date
      ${f.ownerIds ? sql`and q.user_id = any(${f.ownerIds}::uuid[])` : sql``}
    group by 1, 2, 3`.execute(db)
  return r.rows
}

export async function groupNames(
  db: Db,
  workspaceId: string,
  groupBy: 'rep' | 'team',
  ids: string[],
) {
  if (ids.length === 0) return new Map<string, string>()
  const rows =
    groupBy === 'rep'
      ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
      : await db
          .selectFrom('teams')
          .select(['id', 'name'])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids)
          .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export type MetricsScope = {
  workspaceId: string
  /** The currency the average deal size is taken in. */
  currency: string
  from: string
  to: string
  pipelineId?: string
  ownerIds: string[] | null
  ownerId?: string
}

export async function closedStats(db: Db, f: MetricsScope) {
  const r = await sql<{
    won: number
    lost: number
    avg_won: string | null
    cycle_days: string | null
    open: number
  }>`
    select
      count(*) filter (where d.status = 'won' and d.closed_at::date between ${f.from}::date and ${f.to}::date)::int as won,
      count(*) filter (where d.status = 'lost' and d.closed_at::date between ${f.from}::date and ${f.to}::date)::int as lost,
      avg(d.amount) filter (where d.status = 'won' and d.currency = ${f.currency}
        and d.closed_at::date between ${f.from}::date and ${f.to}::date) as avg_won,
      avg(extract(epoch from d.closed_at - d.created_at) / 86400.0)
        filter (where d.status = 'won' and d.closed_at::date between ${f.from}::date and ${f.to}::date) as cycle_days,
      count(*) filter (where d.status = 'open')::int as open
    from deals d
    where ${dealScope(f)} ${f.ownerId ? sql`and d.owner_id = ${f.ownerId}` : sql``}`.execute(db)
  return r.rows[0]
}

/** Per stage: deals that entered it in the range, and how many of them later went further. */
export async function stageConversion(db: Db, f: MetricsScope & { pipelineId: string }) {
  const r = await sql<{ stage_id: string; name: string; entered: number; advanced: number }>`
    select s.id as stage_id, s.name,
      count(distinct h.deal_id)::int as entered,
      count(distinct h.deal_id) filter (where exists (
        select 1 from deal_stage_history h2
        join pipeline_stages s2 on s2.workspace_id = h2.workspace_id and s2.id = h2.stage_id
        where h2.workspace_id = h.workspace_id and h2.deal_id = h.deal_id and s2.position > s.position
      ) or d.status = 'won')::int as advanced
    from pipeline_stages s
    left join deal_stage_history h on h.workspace_id = s.workspace_id and h.stage_id = s.id
      and h.entered_at::date between ${f.from}::date and ${f.to}::date
    left join deals d on d.workspace_id = h.workspace_id and d.id = h.deal_id
    where s.workspace_id = ${f.workspaceId} and s.pipeline_id = ${f.pipelineId}
      and (h.deal_id is null or (${dealScope(f)} ${f.ownerId ? sql`and d.owner_id = ${f.ownerId}` : sql``}))
    group by s.id, s.name, s.position
    order by s.position`.execute(db)
  return r.rows
}
