import { sql, type RawBuilder } from 'kysely'
import type { BoardCard } from '../../../shared/deals.schema'
import type { Db } from '../../db/client'

export type BoardFilter = {
  workspaceId: string
  pipelineId: string
  ownerIds: string[] | null
  ownerId?: string
  teamId?: string
  closeFrom?: string
  closeTo?: string
  minScore?: number
}

function conditions(f: BoardFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`d.workspace_id = ${f.workspaceId}`,
    sql`d.pipeline_id = ${f.pipelineId}`,
    sql`d.status = 'open'`,
    sql`d.deleted_at is null`,
  ]
  if (f.ownerIds) parts.push(sql`d.owner_id = any(${f.ownerIds}::uuid[])`)
  if (f.ownerId) parts.push(sql`d.owner_id = ${f.ownerId}`)
  if (f.teamId)
    parts.push(
      sql`d.owner_id in (select tm.user_id from team_members tm where tm.workspace_id = d.workspace_id and tm.team_id = ${f.teamId})`,
    )
  if (f.closeFrom) parts.push(sql`d.expected_close_date >= ${f.closeFrom}::date`)
  if (f.closeTo) parts.push(sql`d.expected_close_date <= ${f.closeTo}::date`)
  if (f.minScore !== undefined) parts.push(sql`coalesce(d.score, 0) >= ${f.minScore}`)
  return sql.join(parts, sql` and `)
}

export type ColumnTotals = {
  stageId: string
  currency: string
  count: number
  sum: number
  weightedSum: number
}

/**
 * Count, sum and probability-weighted sum per stage and currency, all in one aggregate query:
 * amounts in different currencies are never added together.
 */
export async function columnTotals(db: Db, f: BoardFilter): Promise<ColumnTotals[]> {
  const r = await sql<{
    stage_id: string
    currency: string
    n: number
    total: string
    weighted: string
  }>`
    select d.stage_id, d.currency, count(*) as n, coalesce(sum(d.amount), 0) as total,
      coalesce(round(sum(d.amount * coalesce(d.probability, s.probability) / 100.0)), 0) as weighted
    from deals d
    join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
    where ${conditions(f)}
    group by d.stage_id, d.currency`.execute(db)
  return r.rows.map((row) => ({
    stageId: row.stage_id,
    currency: row.currency,
    count: Number(row.n),
    sum: Number(row.total),
    weightedSum: Number(row.weighted),
  }))
}

type CardRow = {
  stage_id: string
  id: string
  title: string
  amount: string | number
  currency: string
  expected_close_date: string | null
  probability: number
  owner_id: string | null
  company_id: string | null
  company_name: string | null
  score: number | null
  position: number
  stage_entered_at: Date
  is_rotting: boolean
}

export type Cursor = { p: number; id: string }

/** Up to `limit + 1` cards of each stage (or of one stage after a cursor), in board order. */
export async function columnCards(
  db: Db,
  f: BoardFilter,
  limit: number,
  only?: { stageId: string; after: Cursor | null },
): Promise<(BoardCard & { stageId: string })[]> {
  const after = only?.after
    ? sql`and (d.position, d.id) > (${only.after.p}::float8, ${only.after.id}::uuid)`
    : sql``
  const r = await sql<CardRow>`
    select s.id as stage_id, c.* from pipeline_stages s
    cross join lateral (
      select d.id, d.title, d.amount, d.currency, d.expected_close_date,
        coalesce(d.probability, s.probability) as probability, d.owner_id, d.company_id,
        co.name as company_name, d.score, d.position, d.stage_entered_at,
        (s.rotting_days is not null and d.updated_at < now() - make_interval(days => s.rotting_days)) as is_rotting
      from deals d
      left join companies co on co.workspace_id = d.workspace_id and co.id = d.company_id
      where ${conditions(f)} and d.stage_id = s.id ${after}
      order by d.position, d.id
      limit ${limit + 1}
    ) c
    where s.workspace_id = ${f.workspaceId} and s.pipeline_id = ${f.pipelineId}
      ${only ? sql`and s.id = ${only.stageId}` : sql``}
    order by s.position, c.position, c.id`.execute(db)
  return r.rows.map((row) => ({
    stageId: row.stage_id,
    id: row.id,
    title: row.title,
    amount: Number(row.amount),
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    probability: row.probability,
    ownerId: row.owner_id,
    companyId: row.company_id,
    companyName: row.company_name,
    score: row.score,
    position: Number(row.position),
    stageEnteredAt: row.stage_entered_at.toISOString(),
    isRotting: row.is_rotting,
  }))
}
