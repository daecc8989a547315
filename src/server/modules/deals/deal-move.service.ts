import type { Deal, DealMove } from '../../../shared/deals.schema'
import type { Deps } from '../../deps'
import { AppError, fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { auditEntries } from '../audit/audit.service'
import { auditInsertSql } from '../audit/audit.repo'
import { forgetPipelines, versionedPipelineStructure } from '../pipelines/pipelines.service'
import { recordEventsSql } from '../timeline/timeline.service'
import { publishDealEvents, type WorkspaceDealEvent } from './deal-events'
import { checkGate } from './deal-gates'
import { moveDealRow, readDealForMove } from './deal-move.repo'
import { dealVisibility, stageOf, withDb } from './deals.service'

// A write that found the deal or its pipeline changed since its read starts over; this many
// times at most, then the client is told to retry (only under a storm of moves of one deal).
const attempts = 8

/**
 * Moves a deal to a stage (and a place in its column) in two statements: a read of the deal and
 * what the stage's gate needs, then one write of the deal, its stays, timeline and audit that
 * happens only if neither the deal nor its pipeline changed in between (their row versions);
 * the live event follows the commit. Two concurrent moves therefore apply one after the other:
 * the later one re-reads the earlier one's stage, closes its stay and opens its own, and the
 * stage history stays one unbroken chain with exactly one open stay (which a unique index also
 * guarantees).
 */
export async function moveDeal(
  deps: Deps,
  actor: Actor,
  id: string,
  input: DealMove,
): Promise<Deal> {
  authorize(actor, 'deals', 'update')
  const vis = await dealVisibility(deps, actor)
  const ws = actor.workspaceId
  for (let attempt = 0; attempt < attempts; attempt++) {
    const outcome = await withDb(async () => {
      // The gate's inputs (answers, line count) are read along always: which stage gates what is
      // known only once the deal tells its pipeline, and two small index lookups cost less than
      // a second round trip.
      const probe = await readDealForMove(deps.db, ws, id, vis, {
        stageId: input.stageId,
        index: input.position,
        answers: true,
        lines: true,
      })
      if (!probe) throw notFound('Deal')
      const before = probe.deal
      if (before.status !== 'open')
        throw fieldError('stageId', 'deal_closed', 'Only an open deal moves')
      const versioned = await versionedPipelineStructure(deps.db, ws, before.pipelineId)
      if (!versioned) throw fieldError('pipelineId', 'unknown_reference', 'Pipeline not found')
      const { pipeline, version: pipelineVersion } = versioned
      const stage = await stageOf(deps.db, ws, pipeline, input.stageId)
      const isStageChange = stage.id !== before.stageId
      if (isStageChange) await checkGate(deps.db, ws, pipeline, stage, before, probe)
      const at = new Date()
      const event: WorkspaceDealEvent = {
        workspaceId: ws,
        type: 'deal.moved',
        pipelineId: before.pipelineId,
        dealId: id,
        stageId: stage.id,
        fromStageId: before.stageId,
        userId: actor.userId,
      }
      const after = await moveDealRow(
        deps.db,
        {
          workspaceId: ws,
          dealId: id,
          version: probe.version,
          pipelineId: pipeline.id,
          pipelineVersion,
          stageId: stage.id,
          position: probe.position,
          isStageChange,
          stayId: newId(),
          userId: actor.userId,
          at,
          stageProbability: stage.probability,
          contacts: before.contacts,
        },
        (when) =>
          isStageChange
            ? [
                recordEventsSql(
                  actor,
                  [
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
                  ],
                  when,
                ),
                ...auditEntries(actor, {
                  action: 'update',
                  objectType: 'deal',
                  recordIds: [id],
                  details: { move: stage.id },
                }).map((e) => auditInsertSql(e, when)),
              ]
            : [],
      )
      // Nothing written: the deal or its pipeline changed since the read. A changed pipeline
      // must be read again, not taken from this process's cache.
      if (!after) {
        forgetPipelines(ws)
        return undefined
      }
      // After the commit, not in the writing statement: see publishDealEvents.
      await publishDealEvents(deps, [event])
      return after
    })
    if (outcome) return outcome
  }
  throw new AppError('CONFLICT', 'The deal changed while it was being moved; try again')
}
