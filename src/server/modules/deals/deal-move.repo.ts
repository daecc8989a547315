import { sql, type RawBuilder } from 'kysely'
import type { Deal } from '../../../shared/deals.schema'
import type { Db } from '../../db/client'
import { visibilityConditions, type Visibility } from '../../db/list-query'
import { toDeal, type DealRow } from './deals.repo'

// A move is two statements: one read of everything its rules need, and one write of the deal,
// its stays, its history and audit entry (the live event follows it). The write is guarded by
// the versions the read saw, so a concurrent change makes it write nothing and the service
// starts over, instead of holding a row lock across round trips.

export type MoveRead = {
  deal: Deal
  /** The deal row's xmin: it changes with every write to the row. */
  version: string
  /** Where the card lands in the target column. */
  position: number
  answers: Map<string, { points: number }>
  lineCount: number
}

/**
 * The deal (if the actor sees it) with its contacts, and in the same statement what the target
 * stage's gate and the card's new place need: scorecard answers, line count, and the positions
 * around `index` in the target column (or its last position when no index is given).
 */
export async function readDealForMove(
  db: Db,
  workspaceId: string,
  id: string,
  vis: Visibility,
  target: { stageId: string; index?: number; answers: boolean; lines: boolean },
): Promise<MoveRead | undefined> {
  const column = sql`e.workspace_id = d.workspace_id and e.stage_id = ${target.stageId}
    and e.status = 'open' and e.deleted_at is null and e.id <> d.id`
  const place =
    target.index === undefined
      ? sql`null`
      : sql`(select coalesce(json_agg(x.position order by x.position, x.id), '[]') from (
          select e.position, e.id from deals e where ${column}
          order by e.position, e.id offset ${Math.max(0, target.index - 1)} limit 2) x)`
  const conds = [
    sql`d.workspace_id = ${workspaceId}`,
    sql`d.id = ${id}`,
    ...visibilityConditions('d', 'owner_id', vis),
  ]
  const r = await sql<
    DealRow & {
      version: string
      contact_links: { contactId: string; buyingRole: string | null }[]
      answer_points: { criterionId: string; points: number }[] | null
      line_count: number | null
      last_position: number | null
      place: number[] | null
    }
  >`
    select d.*, s.probability as stage_probability, d.xmin::text as version,
      coalesce((select json_agg(json_build_object('contactId', c.contact_id,
          'buyingRole', c.buying_role) order by c.created_at)
        from deal_contacts c where c.workspace_id = d.workspace_id and c.deal_id = d.id),
        '[]') as contact_links,
      ${
        target.answers
          ? sql`(select json_agg(json_build_object('criterionId', a.criterion_id, 'points', a.points))
          from deal_scorecard_answers a where a.workspace_id = d.workspace_id and a.deal_id = d.id)`
          : sql`null`
      } as answer_points,
      ${
        target.lines
          ? sql`(select count(*) from deal_lines l where l.workspace_id = d.workspace_id
          and l.deal_id = d.id)::int`
          : sql`null::int`
      } as line_count,
      (select max(e.position) from deals e where ${column}) as last_position,
      ${place} as place
    from deals d
    join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
    where ${sql.join(conds, sql` and `)}`.execute(db)
  const row = r.rows[0]
  if (!row) return undefined
  const deal = toDeal(row, row.contact_links)
  const last = row.last_position === null ? null : Number(row.last_position)
  return {
    deal,
    version: row.version,
    position: positionFor(target, (row.place ?? []).map(Number), last, deal),
    answers: new Map((row.answer_points ?? []).map((a) => [a.criterionId, { points: a.points }])),
    lineCount: row.line_count ?? 0,
  }
}

/**
 * The position for a card put at 0-based `index` between its new neighbours (`place`), or at
 * the end of the column (after `last`) when dropped on the column itself or past its end.
 */
function positionFor(
  target: { stageId: string; index?: number },
  place: number[],
  last: number | null,
  deal: Deal,
) {
  const end = last === null ? 0 : last + 1
  if (target.index === undefined) return target.stageId === deal.stageId ? deal.position : end
  const [before, after] = place
  if (target.index === 0) return before === undefined ? 0 : before - 1
  if (before === undefined) return end
  if (after === undefined) return before + 1
  return (before + after) / 2
}

export type MoveWrite = {
  workspaceId: string
  dealId: string
  version: string
  pipelineId: string
  pipelineVersion: string
  stageId: string
  position: number
  isStageChange: boolean
  stayId: string
  userId: string
  at: Date
  /** Stage probability of the target stage, for the answer's `probability`. */
  stageProbability: number
  contacts: Deal['contacts']
}

/**
 * Writes the move in ONE statement, only while the deal row and its pipeline row are still at the
 * versions the read saw: the deal row, then (for a stage change) the old stay closed before the
 * new one opens, so the one-open-stay index holds; `sideWrites` (timeline, audit) are written
 * only when the deal row was. Returns undefined when the versions no longer match.
 */
export async function moveDealRow(
  db: Db,
  w: MoveWrite,
  sideWrites: (when: RawBuilder<unknown>) => RawBuilder<unknown>[],
): Promise<Deal | undefined> {
  const moved = sql`exists (select 1 from moved)`
  const side = sideWrites(moved).map((q, k) => sql`, ${sql.raw(`side${k}`)} as (${q})`)
  const r = await sql<DealRow>`
    with moved as (
      update deals d set stage_id = ${w.stageId}, position = ${w.position}::float8,
        updated_at = ${w.at}
        ${w.isStageChange ? sql`, stage_entered_at = ${w.at}` : sql``}
      where d.workspace_id = ${w.workspaceId} and d.id = ${w.dealId}
        and d.xmin = ${w.version}::xid and d.status = 'open'
        and exists (select 1 from pipelines p where p.workspace_id = d.workspace_id
          and p.id = ${w.pipelineId} and p.id = d.pipeline_id and p.deleted_at is null
          and p.xmin = ${w.pipelineVersion}::xid)
      returning d.*
    ), closed as (
      update deal_stage_history h set left_at = ${w.at}, left_by = ${w.userId}
      where ${w.isStageChange} and h.workspace_id = ${w.workspaceId} and h.deal_id = ${w.dealId}
        and h.left_at is null and ${moved}
      returning 1
    ), opened as (
      insert into deal_stage_history (workspace_id, id, deal_id, pipeline_id, stage_id,
        entered_at, entered_by)
      select m.workspace_id, ${w.stayId}::uuid, m.id, m.pipeline_id, m.stage_id, ${w.at}, ${w.userId}::uuid
      from moved m cross join (select count(*) as n from closed) c
      where ${w.isStageChange}
      returning 1
    )
    ${sql.join(side, sql``)}
    select m.*, ${w.stageProbability}::int as stage_probability,
      (select count(*) from opened) as opened
    from moved m`.execute(db)
  const row = r.rows[0]
  return row && toDeal(row, w.contacts)
}
