import { sql } from 'kysely'
import type { Criterion, CriterionInput, Pipeline, Stage } from '../../../shared/pipelines.schema'
import type { Db } from '../../db/client'
import { newId } from '../../lib/ids'

export type StageRow = Stage & { pipelineId: string }

export async function insertPipeline(
  db: Db,
  workspaceId: string,
  id: string,
  v: { name: string; position: number },
): Promise<void> {
  await db
    .insertInto('pipelines')
    .values({ workspace_id: workspaceId, id, ...v })
    .execute()
}

export async function updatePipelineRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: { name?: string; position?: number; deleted_at?: Date | null },
): Promise<void> {
  await db
    .updateTable('pipelines')
    .set({ ...v, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function lockPipeline(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
  return row !== undefined
}

export async function loadStages(
  db: Db,
  workspaceId: string,
  pipelineIds: string[],
): Promise<StageRow[]> {
  if (pipelineIds.length === 0) return []
  const rows = await db
    .selectFrom('pipeline_stages as s')
    .selectAll('s')
    .select(
      sql<
        string[]
      >`coalesce(array(select c.key from stage_gate_criteria g join scorecard_criteria c on c.workspace_id = g.workspace_id and c.id = g.criterion_id where g.workspace_id = s.workspace_id and g.stage_id = s.id order by c.position), '{}')`.as(
        'criteria_keys',
      ),
    )
    .where('s.workspace_id', '=', workspaceId)
    .where('s.pipeline_id', 'in', pipelineIds)
    .orderBy('s.position')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    pipelineId: r.pipeline_id,
    name: r.name,
    position: r.position,
    probability: r.probability,
    rottingDays: r.rotting_days,
    requiredFields: r.required_fields,
    requiredCriteria: r.criteria_keys,
  }))
}

export async function loadCriteria(
  db: Db,
  workspaceId: string,
  pipelineIds: string[],
): Promise<(Criterion & { pipelineId: string })[]> {
  if (pipelineIds.length === 0) return []
  const rows = await db
    .selectFrom('scorecard_criteria')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', 'in', pipelineIds)
    .orderBy('position')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    pipelineId: r.pipeline_id,
    key: r.key,
    name: r.name,
    description: r.description,
    weight: r.weight,
    options: r.options,
  }))
}

export async function findPipelines(
  db: Db,
  workspaceId: string,
  ids: string[] | null,
): Promise<Pipeline[]> {
  let q = db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
  if (ids) {
    if (ids.length === 0) return []
    q = q.where('id', 'in', ids)
  }
  const rows = await q.orderBy('position').orderBy('name').execute()
  const pipelineIds = rows.map((r) => r.id)
  const stages = await loadStages(db, workspaceId, pipelineIds)
  const criteria = await loadCriteria(db, workspaceId, pipelineIds)
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: r.position,
    stages: stages.filter((s) => s.pipelineId === r.id).map(({ pipelineId: _p, ...s }) => s),
    scorecard: criteria.filter((c) => c.pipelineId === r.id).map(({ pipelineId: _p, ...c }) => c),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }))
}

/** Upserts the criteria by key and removes the ones no longer listed. */
export async function replaceCriteria(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  criteria: CriterionInput[],
): Promise<Map<string, string>> {
  const existing = await db
    .selectFrom('scorecard_criteria')
    .select(['id', 'key'])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .execute()
  const idByKey = new Map(existing.map((r) => [r.key, r.id]))
  const keep = new Set(criteria.map((c) => c.key))
  const gone = existing.filter((r) => !keep.has(r.key)).map((r) => r.id)
  if (gone.length)
    await db
      .deleteFrom('scorecard_criteria')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', gone)
      .execute()
  for (const [position, c] of criteria.entries()) {
    const values = {
      name: c.name,
      description: c.description ?? null,
      weight: c.weight,
      options: JSON.stringify(c.options),
      position,
    }
    const id = idByKey.get(c.key)
    if (id) {
      await db
        .updateTable('scorecard_criteria')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute()
    } else {
      const newCriterionId = newId()
      idByKey.set(c.key, newCriterionId)
      await db
        .insertInto('scorecard_criteria')
        .values({
          workspace_id: workspaceId,
          id: newCriterionId,
          pipeline_id: pipelineId,
          key: c.key,
          ...values,
        })
        .execute()
    }
  }
  for (const key of [...idByKey.keys()]) if (!keep.has(key)) idByKey.delete(key)
  return idByKey
}

export type StageWrite = {
  id: string
  isNew: boolean
  name: string
  probability: number
  rottingDays: number | null
  requiredFields: string[]
  criterionIds: string[]
}

export async function stageIdsOf(
  db: Db,
  workspaceId: string,
  pipelineId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('pipeline_stages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .execute()
  return rows.map((r) => r.id)
}

export async function countDealsInStages(
  db: Db,
  workspaceId: string,
  stageIds: string[],
): Promise<number> {
  if (stageIds.length === 0) return 0
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', 'in', stageIds)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Writes the stages in the given order; stages not listed are deleted (the caller checks use). */
export async function replaceStages(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  stages: StageWrite[],
  removedIds: string[],
): Promise<void> {
  if (removedIds.length)
    await db
      .deleteFrom('pipeline_stages')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', removedIds)
      .execute()
  for (const [position, s] of stages.entries()) {
    const values = {
      name: s.name,
      // Shifted past any old position first would need two passes; positions are not unique.
      position,
      probability: s.probability,
      rotting_days: s.rottingDays,
      required_fields: s.requiredFields,
      updated_at: new Date(),
    }
    if (s.isNew)
      await db
        .insertInto('pipeline_stages')
        .values({ workspace_id: workspaceId, id: s.id, pipeline_id: pipelineId, ...values })
        .execute()
    else
      await db
        .updateTable('pipeline_stages')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', s.id)
        .execute()
    await db
      .deleteFrom('stage_gate_criteria')
      .where('workspace_id', '=', workspaceId)
      .where('stage_id', '=', s.id)
      .execute()
    if (s.criterionIds.length)
      await db
        .insertInto('stage_gate_criteria')
        .values(
          s.criterionIds.map((c) => ({
            workspace_id: workspaceId,
            stage_id: s.id,
            criterion_id: c,
          })),
        )
        .execute()
  }
}

export async function pipelineOfStage(
  db: Db,
  workspaceId: string,
  stageId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('pipeline_stages')
    .select('pipeline_id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', stageId)
    .executeTakeFirst()
  return row?.pipeline_id
}

/**
 * A version of the pipeline row that changes with every write to it (its xmin): every change of
 * stages, gates or scorecard goes through the pipeline row, so the version tells a cached
 * structure is current. Read it before the structure, never after.
 */
export async function pipelineVersion(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<string | undefined> {
  const r = await sql<{ version: string }>`
    select xmin::text as version from pipelines
    where workspace_id = ${workspaceId} and id = ${id} and deleted_at is null`.execute(db)
  return r.rows[0]?.version
}
