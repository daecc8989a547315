import type { Deal, DealMove } from '../../../shared/deals.schema'
import type { Deps } from '../../deps'
import { fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { recordEvents } from '../timeline/timeline.service'
import { publishDealEvents } from './deal-events'
import { checkGate } from './deal-gates'
import { closeStay, endPosition, openStay, positionAt } from './deal-rules.repo'
import { findDeals, updateDealRow } from './deals.repo'
import { dealVisibility, loadPipelineOrFail, stageOf, withDb } from './deals.service'

/**
 * Moves a deal to a stage (and a place in its column). The deal row is locked FOR UPDATE first,
 * so two concurrent moves run one after the other: the second sees the first's stage, closes
 * its stay and opens its own, and the stage history stays one unbroken chain.
 */
export async function moveDeal(
  deps: Deps,
  actor: Actor,
  id: string,
  input: DealMove,
): Promise<Deal> {
  authorize(actor, 'deals', 'update')
  const vis = await dealVisibility(deps, actor)
  const { before, after } = await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const [before] = await findDeals(trx, ws, [id], vis, true)
      if (!before) throw notFound('Deal')
      if (before.status !== 'open')
        throw fieldError('stageId', 'deal_closed', 'Only an open deal moves')
      const pipeline = await loadPipelineOrFail(trx, ws, before.pipelineId)
      const stage = await stageOf(trx, ws, pipeline, input.stageId)
      const isStageChange = stage.id !== before.stageId
      if (isStageChange) await checkGate(trx, ws, pipeline, stage, before)
      const position =
        input.position === undefined
          ? isStageChange
            ? await endPosition(trx, ws, stage.id)
            : before.position
          : await positionAt(trx, ws, stage.id, input.position, id)
      const now = new Date()
      await updateDealRow(trx, ws, id, {
        stageId: stage.id,
        position,
        ...(isStageChange ? { stageEnteredAt: now } : {}),
      })
      if (isStageChange) {
        await closeStay(trx, ws, id, now, actor.userId)
        await openStay(trx, {
          workspaceId: ws,
          id: newId(),
          dealId: id,
          pipelineId: pipeline.id,
          stageId: stage.id,
          at: now,
          by: actor.userId,
        })
        await recordEvents(trx, actor, [
          {
            objectType: 'deal',
            recordId: id,
            eventType: 'stage_changed',
            changes: [{ field: 'stageId', old: before.stageId, new: stage.id }],
            data: {
              from: pipeline.stages.find((s) => s.id === before.stageId)?.name ?? null,
              to: stage.name,
            },
          },
        ])
        await audit(trx, actor, {
          action: 'update',
          objectType: 'deal',
          recordIds: [id],
          details: { move: stage.id },
        })
      }
      const [after] = await findDeals(trx, ws, [id], { ownerIds: null })
      if (!after) throw notFound('Deal')
      return { before, after }
    }),
  )
  await publishDealEvents(deps, [
    {
      workspaceId: actor.workspaceId,
      type: 'deal.moved',
      pipelineId: after.pipelineId,
      dealId: id,
      stageId: after.stageId,
      fromStageId: before.stageId,
      userId: actor.userId,
    },
  ])
  return after
}
