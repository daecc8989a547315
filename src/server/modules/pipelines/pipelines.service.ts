import type {
  LostReason,
  LostReasonCreate,
  Pipeline,
  PipelineCreate,
  PipelineUpdate,
  StageInput,
} from '../../../shared/pipelines.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { recordEvents } from '../timeline/timeline.service'
import {
  countDealsInStages,
  findPipelines,
  insertPipeline,
  lockPipeline,
  replaceCriteria,
  replaceStages,
  stageIdsOf,
  updatePipelineRow,
  type StageWrite,
} from './pipelines.repo'
import { deleteLostReason, insertLostReason, listLostReasons } from './lost-reasons.repo'
import { recomputePipelineScores } from './scores'
import { cachedPipeline, forgetPipelines, type VersionedPipeline } from './pipeline-cache'

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

/** A pipeline write: cached structures are forgotten before it and again once it committed. */
async function writing<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
  forgetPipelines(workspaceId)
  try {
    return await withDb(fn)
  } finally {
    forgetPipelines(workspaceId)
  }
}

function checkUnique(values: string[], path: (i: number) => string) {
  const seen = new Set<string>()
  for (const [i, v] of values.entries()) {
    if (seen.has(v)) throw fieldError(path(i), 'duplicate')
    seen.add(v)
  }
}

/** Writes stages and scorecard of a pipeline; refuses to drop a stage that still has deals. */
async function writeStructure(
  trx: Db,
  workspaceId: string,
  pipelineId: string,
  stages: StageInput[] | undefined,
  scorecard: PipelineCreate['scorecard'],
): Promise<void> {
  if (scorecard) {
    checkUnique(
      scorecard.map((c) => c.key),
      (i) => `scorecard.${i}.key`,
    )
    scorecard.forEach((c, i) =>
      checkUnique(
        c.options.map((o) => o.key),
        (j) => `scorecard.${i}.options.${j}.key`,
      ),
    )
  }
  const criterionIds = scorecard
    ? await replaceCriteria(trx, workspaceId, pipelineId, scorecard)
    : await criteriaByKey(trx, workspaceId, pipelineId)
  if (!stages) return
  const existing = new Set(await stageIdsOf(trx, workspaceId, pipelineId))
  const writes: StageWrite[] = stages.map((s, i) => {
    if (s.id && !existing.has(s.id)) throw fieldError(`stages.${i}.id`, 'unknown_reference')
    return {
      id: s.id ?? newId(),
      isNew: !s.id,
      name: s.name,
      probability: s.probability,
      rottingDays: s.rottingDays ?? null,
      requiredFields: [...new Set(s.requiredFields ?? [])],
      criterionIds: [...new Set(s.requiredCriteria ?? [])].map((key, j) => {
        const id = criterionIds.get(key)
        if (!id) throw fieldError(`stages.${i}.requiredCriteria.${j}`, 'unknown_reference')
        return id
      }),
    }
  })
  checkUnique(
    writes.map((w) => w.id),
    (i) => `stages.${i}.id`,
  )
  const kept = new Set(writes.map((w) => w.id))
  const removed = [...existing].filter((id) => !kept.has(id))
  if ((await countDealsInStages(trx, workspaceId, removed)) > 0)
    throw fieldError('stages', 'stage_in_use', 'A removed stage still has deals')
  await replaceStages(trx, workspaceId, pipelineId, writes, removed)
}

async function criteriaByKey(db: Db, workspaceId: string, pipelineId: string) {
  const [p] = await findPipelines(db, workspaceId, [pipelineId])
  return new Map((p?.scorecard ?? []).map((c) => [c.key, c.id]))
}

export async function listPipelines(deps: Deps, actor: Actor): Promise<Pipeline[]> {
  authorize(actor, 'pipelines', 'read')
  return findPipelines(deps.db, actor.workspaceId, null)
}

export async function getPipeline(deps: Deps, actor: Actor, id: string): Promise<Pipeline> {
  authorize(actor, 'pipelines', 'read')
  const [p] = await findPipelines(deps.db, actor.workspaceId, [id])
  if (!p) throw notFound('Pipeline')
  return p
}

export async function createPipeline(
  deps: Deps,
  actor: Actor,
  input: PipelineCreate,
): Promise<Pipeline> {
  authorize(actor, 'pipelines', 'create')
  const id = newId()
  return writing(actor.workspaceId, () =>
    deps.db.transaction().execute(async (trx) => {
      await insertPipeline(trx, actor.workspaceId, id, {
        name: input.name,
        position: input.position ?? 0,
      })
      await writeStructure(trx, actor.workspaceId, id, input.stages, input.scorecard ?? [])
      await recordEvents(trx, actor, [
        { objectType: 'pipeline', recordId: id, eventType: 'created' },
      ])
      await audit(trx, actor, { action: 'create', objectType: 'pipeline', recordIds: [id] })
      const [p] = await findPipelines(trx, actor.workspaceId, [id])
      if (!p) throw notFound('Pipeline')
      return p
    }),
  )
}

export async function updatePipeline(
  deps: Deps,
  actor: Actor,
  id: string,
  input: PipelineUpdate,
): Promise<Pipeline> {
  authorize(actor, 'pipelines', 'update')
  return writing(actor.workspaceId, () =>
    deps.db.transaction().execute(async (trx) => {
      if (!(await lockPipeline(trx, actor.workspaceId, id))) throw notFound('Pipeline')
      await updatePipelineRow(trx, actor.workspaceId, id, {
        name: input.name,
        position: input.position,
      })
      await writeStructure(trx, actor.workspaceId, id, input.stages, input.scorecard)
      if (input.scorecard) await recomputePipelineScores(trx, actor.workspaceId, id)
      await recordEvents(trx, actor, [
        {
          objectType: 'pipeline',
          recordId: id,
          eventType: 'updated',
          data: { fields: Object.keys(input) },
        },
      ])
      await audit(trx, actor, { action: 'update', objectType: 'pipeline', recordIds: [id] })
      const [p] = await findPipelines(trx, actor.workspaceId, [id])
      if (!p) throw notFound('Pipeline')
      return p
    }),
  )
}

export async function deletePipeline(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'pipelines', 'delete')
  await writing(actor.workspaceId, () =>
    deps.db.transaction().execute(async (trx) => {
      if (!(await lockPipeline(trx, actor.workspaceId, id))) throw notFound('Pipeline')
      await updatePipelineRow(trx, actor.workspaceId, id, { deleted_at: new Date() })
      await recordEvents(trx, actor, [
        { objectType: 'pipeline', recordId: id, eventType: 'deleted' },
      ])
      await audit(trx, actor, { action: 'delete', objectType: 'pipeline', recordIds: [id] })
    }),
  )
}

export async function getLostReasons(deps: Deps, actor: Actor): Promise<LostReason[]> {
  authorize(actor, 'pipelines', 'read')
  return listLostReasons(deps.db, actor.workspaceId)
}

export async function createLostReason(
  deps: Deps,
  actor: Actor,
  input: LostReasonCreate,
): Promise<LostReason> {
  authorize(actor, 'pipelines', 'create')
  const reason = {
    id: newId(),
    name: input.name,
    position: input.position ?? 0,
    isActive: input.isActive ?? true,
  }
  await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      await insertLostReason(trx, actor.workspaceId, reason)
      await audit(trx, actor, {
        action: 'create',
        objectType: 'lost_reason',
        recordIds: [reason.id],
      })
    }),
  )
  return reason
}

export async function removeLostReason(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'pipelines', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    if ((await deleteLostReason(trx, actor.workspaceId, id)) === 0) throw notFound('Lost reason')
    await audit(trx, actor, { action: 'delete', objectType: 'lost_reason', recordIds: [id] })
  })
}

/** The stages and scorecard of a live pipeline, for other modules' rules (no access check). */
export async function pipelineStructure(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<Pipeline | undefined> {
  return (await cachedPipeline(db, workspaceId, id))?.pipeline
}

/**
 * The same with the version of the pipeline row it was read at, for writes that must act on the
 * current structure only (a deal move writes only while the pipeline still has this version).
 */
export function versionedPipelineStructure(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<VersionedPipeline | undefined> {
  return cachedPipeline(db, workspaceId, id)
}

export { forgetPipelines }

/** The pipeline a stage belongs to, so a stage of another pipeline can be named as such. */
export { pipelineOfStage } from './pipelines.repo'
