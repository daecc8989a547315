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

/**
 * Per stage: deals that entered it in the range, and how many of them later went further (a stay
 * in a later stage, at any time) or were won. One pass over the pipeline's stays groups them by
 * deal: the furthest stage reached, and the stages entered in the range as a bitmask (at most 30
 * stages a pipeline). Only then are the deals joined, for the scope and the won status, and only
 * those that entered a stage in the range; they are folded into a few dozen (furthest, won,
 * entered) rows before the stages are counted from them. Joining the deals to every stay and
 * the stages to every deal took 0.84–0.94 s at 200k deals and 723k stays; this takes
 * 0.5–0.7 s (docs/benchmarks.md). A deal never changes pipeline, so all its stays are in this
 * pipeline's stages.
 */
export async function stageConversion(db: Db, f: MetricsScope & { pipelineId: string }) {
  const r = await sql<{ stage_id: string; name: string; entered: number; advanced: number }>`
    with stages as (
      select s.id, s.name, s.position, (row_number() over (order by s.position, s.id) - 1)::int as bit
      from pipeline_stages s
      where s.workspace_id = ${f.workspaceId} and s.pipeline_id = ${f.pipelineId}
    ), per_deal as (
      select h.deal_id, max(st.position) as top,
        bit_or(1::bigint << st.bit) filter (where h.entered_at >= ${f.from}::date
          and h.entered_at < ${f.to}::date + 1) as entered
      from stages st
      join deal_stage_history h on h.workspace_id = ${f.workspaceId} and h.stage_id = st.id
      group by h.deal_id
    ), combos as (
      select p.top, d.status = 'won' as is_won, p.entered, count(*)::int as n
      from per_deal p
      join deals d on d.workspace_id = ${f.workspaceId} and d.id = p.deal_id
      where p.entered is not null and ${dealScope(f)}
        ${f.ownerId ? sql`and d.owner_id = ${f.ownerId}` : sql``}
      group by p.top, d.status = 'won', p.entered
    )
    select st.id as stage_id, st.name, coalesce(sum(c.n), 0)::int as entered,
      coalesce(sum(c.n) filter (where c.top > st.position or c.is_won), 0)::int as advanced
    from stages st
    left join combos c on c.entered & (1::bigint << st.bit) <> 0
    group by st.id, st.name, st.position
    order by st.position`.execute(db)
  return r.rows
}
