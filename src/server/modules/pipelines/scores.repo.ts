import { sql } from 'kysely'
import type { Db } from '../../db/client'

// Score = Σ weight × points of the chosen option / Σ weight, over every criterion of the deal's
// pipeline; an unanswered criterion counts 0 points. No criteria → no score (null).
const scoreExpr = sql`(
  select case when sum(c.weight) > 0
    then round(sum(c.weight * coalesce(a.points, 0))::numeric / sum(c.weight))::int end
  from scorecard_criteria c
  left join deal_scorecard_answers a
    on a.workspace_id = c.workspace_id and a.criterion_id = c.id and a.deal_id = d.id
  where c.workspace_id = d.workspace_id and c.pipeline_id = d.pipeline_id)`

export async function updateScores(
  db: Db,
  workspaceId: string,
  where: { pipelineId?: string; dealId?: string },
): Promise<void> {
  await sql`update deals d set score = ${scoreExpr}
    where d.workspace_id = ${workspaceId}
    ${where.pipelineId ? sql`and d.pipeline_id = ${where.pipelineId}` : sql``}
    ${where.dealId ? sql`and d.id = ${where.dealId}` : sql``}`.execute(db)
}

export async function upsertAnswer(
  db: Db,
  a: {
    workspaceId: string
    dealId: string
    criterionId: string
    optionKey: string | null
    points: number
    userId: string
  },
): Promise<void> {
  if (a.optionKey === null) {
    await db
      .deleteFrom('deal_scorecard_answers')
      .where('workspace_id', '=', a.workspaceId)
      .where('deal_id', '=', a.dealId)
      .where('criterion_id', '=', a.criterionId)
      .execute()
    return
  }
  await db
    .insertInto('deal_scorecard_answers')
    .values({
      workspace_id: a.workspaceId,
      deal_id: a.dealId,
      criterion_id: a.criterionId,
      option_key: a.optionKey,
      points: a.points,
      answered_by: a.userId,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'deal_id', 'criterion_id']).doUpdateSet({
        option_key: a.optionKey ?? '',
        points: a.points,
        answered_by: a.userId,
        answered_at: new Date(),
      }),
    )
    .execute()
}

export async function loadAnswers(
  db: Db,
  workspaceId: string,
  dealId: string,
): Promise<Map<string, { optionKey: string; points: number }>> {
  const rows = await db
    .selectFrom('deal_scorecard_answers')
    .select(['criterion_id', 'option_key', 'points'])
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .execute()
  return new Map(rows.map((r) => [r.criterion_id, { optionKey: r.option_key, points: r.points }]))
}

/** After a scorecard edit: answers take their option's new points; removed options drop out. */
export async function syncAnswerPoints(db: Db, workspaceId: string, pipelineId: string) {
  await sql`update deal_scorecard_answers a set points = (o->>'points')::int
    from scorecard_criteria c cross join lateral jsonb_array_elements(c.options) o
    where a.workspace_id = ${workspaceId} and c.workspace_id = a.workspace_id
      and c.id = a.criterion_id and c.pipeline_id = ${pipelineId} and o->>'key' = a.option_key`.execute(
    db,
  )
  await sql`delete from deal_scorecard_answers a using scorecard_criteria c
    where a.workspace_id = ${workspaceId} and c.workspace_id = a.workspace_id
      and c.id = a.criterion_id and c.pipeline_id = ${pipelineId}
      and not exists (select 1 from jsonb_array_elements(c.options) o where o->>'key' = a.option_key)`.execute(
    db,
  )
}
