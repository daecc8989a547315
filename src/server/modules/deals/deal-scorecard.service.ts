import type { DealScorecard, ScorecardAnswers, StageStay } from '../../../shared/deals.schema'
import type { Deps } from '../../deps'
import { fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { pipelineStructure } from '../pipelines/pipelines.service'
import { loadScorecardAnswers, recomputeDealScore, saveScorecardAnswer } from '../pipelines/scores'
import { recordEvents } from '../timeline/timeline.service'
import { publishDealEvents } from './deal-events'
import { listStays } from './deal-rules.repo'
import { findDeals } from './deals.repo'
import { dealVisibility, getDeal, withDb } from './deals.service'

export async function getDealScorecard(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<DealScorecard> {
  const deal = await getDeal(deps, actor, id)
  const pipeline = await pipelineStructure(deps.db, actor.workspaceId, deal.pipelineId)
  const answers = await loadScorecardAnswers(deps.db, actor.workspaceId, id)
  return {
    score: deal.score,
    criteria: (pipeline?.scorecard ?? []).map((c) => ({
      key: c.key,
      name: c.name,
      weight: c.weight,
      options: c.options,
      answer: answers.get(c.id)?.optionKey ?? null,
    })),
  }
}

/** Saves answers (null clears one) and recomputes the 0–100 score in the same transaction. */
export async function answerScorecard(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ScorecardAnswers,
): Promise<DealScorecard> {
  authorize(actor, 'deals', 'update')
  const vis = await dealVisibility(deps, actor)
  const deal = await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const [deal] = await findDeals(trx, ws, [id], vis, true)
      if (!deal) throw notFound('Deal')
      const pipeline = await pipelineStructure(trx, ws, deal.pipelineId)
      for (const [i, a] of input.answers.entries()) {
        const criterion = pipeline?.scorecard.find((c) => c.key === a.criterionKey)
        if (!criterion) throw fieldError(`answers.${i}.criterionKey`, 'unknown_reference')
        const option = criterion.options.find((o) => o.key === a.optionKey)
        if (a.optionKey !== null && !option)
          throw fieldError(`answers.${i}.optionKey`, 'invalid_option')
        await saveScorecardAnswer(trx, {
          workspaceId: ws,
          dealId: id,
          criterionId: criterion.id,
          optionKey: a.optionKey,
          points: option?.points ?? 0,
          userId: actor.userId,
        })
      }
      await recomputeDealScore(trx, ws, id)
      const [after] = await findDeals(trx, ws, [id], { ownerIds: null })
      await recordEvents(trx, actor, [
        {
          objectType: 'deal',
          recordId: id,
          eventType: 'scorecard_answered',
          changes: [{ field: 'score', old: deal.score, new: after?.score ?? null }],
          data: { answers: input.answers },
        },
      ])
      await audit(trx, actor, {
        action: 'update',
        objectType: 'deal',
        recordIds: [id],
        details: { scorecard: true },
      })
      return deal
    }),
  )
  await publishDealEvents(deps, [
    {
      workspaceId: actor.workspaceId,
      type: 'deal.updated',
      pipelineId: deal.pipelineId,
      dealId: id,
      stageId: deal.stageId,
      fromStageId: deal.stageId,
      userId: actor.userId,
    },
  ])
  return getDealScorecard(deps, actor, id)
}

export async function dealStageHistory(deps: Deps, actor: Actor, id: string): Promise<StageStay[]> {
  await getDeal(deps, actor, id)
  const now = Date.now()
  const rows = await listStays(deps.db, actor.workspaceId, id)
  return rows.map((r) => ({
    stageId: r.stage_id,
    stageName: r.name,
    enteredAt: r.entered_at.toISOString(),
    leftAt: r.left_at ? r.left_at.toISOString() : null,
    seconds: Math.round(((r.left_at?.getTime() ?? now) - r.entered_at.getTime()) / 1000),
    enteredBy: r.entered_by,
  }))
}
