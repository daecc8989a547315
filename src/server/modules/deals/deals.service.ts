import type { ListQuery, Page, TimelineEvent } from '../../../shared/common.schema'
import type { Deal, DealCreate, DealUpdate } from '../../../shared/deals.schema'
import type { Pipeline } from '../../../shared/pipelines.schema'
import type { Db } from '../../db/client'
import { planList, type Visibility } from '../../db/list-query'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { pipelineOfStage, pipelineStructure } from '../pipelines/pipelines.service'
import { recomputeDealScore } from '../pipelines/scores'
import { validateCustomValues } from '../custom-fields/custom-values'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { listTimelineEvents } from '../timeline/timeline.repo'
import { recordEvents } from '../timeline/timeline.service'
import { publishDealEvents } from './deal-events'
import { checkGate } from './deal-gates'
import { endPosition, liveIds, openStay } from './deal-rules.repo'
import {
  dealListSpec,
  findDeals,
  insertDeal,
  listDealRows,
  replaceDealContacts,
  type DealValues,
} from './deals.repo'
import { workspaceCurrency } from '../workspaces/workspaces.service'

export async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

export async function dealVisibility(
  deps: Deps,
  actor: Actor,
  includeDeleted: Visibility['includeDeleted'] = false,
): Promise<Visibility> {
  return { ownerIds: await visibleOwnerIds(deps, actor), includeDeleted }
}

/** Refuses references to companies, contacts or lost reasons that do not exist (or are deleted). */
export async function checkRefs(db: Db, workspaceId: string, input: DealUpdate): Promise<void> {
  if (input.companyId) {
    const found = await liveIds(db, 'companies', workspaceId, [input.companyId])
    if (!found.has(input.companyId)) throw fieldError('companyId', 'unknown_reference')
  }
  if (input.lostReasonId) {
    const found = await liveIds(db, 'lost_reasons', workspaceId, [input.lostReasonId])
    if (!found.has(input.lostReasonId)) throw fieldError('lostReasonId', 'unknown_reference')
  }
  if (input.contacts?.length) {
    const ids = input.contacts.map((c) => c.contactId)
    const found = await liveIds(db, 'contacts', workspaceId, ids)
    const seen = new Set<string>()
    for (const [i, id] of ids.entries()) {
      if (!found.has(id)) throw fieldError(`contacts.${i}.contactId`, 'unknown_reference')
      if (seen.has(id)) throw fieldError(`contacts.${i}.contactId`, 'duplicate')
      seen.add(id)
    }
  }
}

export async function loadPipelineOrFail(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  path = 'pipelineId',
): Promise<Pipeline> {
  const pipeline = await pipelineStructure(db, workspaceId, pipelineId)
  if (!pipeline) throw fieldError(path, 'unknown_reference', 'Pipeline not found')
  return pipeline
}

/** The stage, which must belong to the pipeline: a stage of another pipeline is named so. */
export async function stageOf(db: Db, workspaceId: string, pipeline: Pipeline, stageId: string) {
  const stage = pipeline.stages.find((s) => s.id === stageId)
  if (stage) return stage
  const other = await pipelineOfStage(db, workspaceId, stageId)
  throw other
    ? fieldError('stageId', 'stage_of_other_pipeline', 'The stage belongs to another pipeline')
    : fieldError('stageId', 'unknown_reference', 'Stage not found')
}

/** The workspace's custom fields of deals (cached for a few seconds, like every object's). */
export function dealCustomFields(db: Db, workspaceId: string) {
  return customFieldDefinitions(db, workspaceId, 'deal')
}

/**
 * Creates a deal inside the caller's transaction (lead conversion reuses it); no event sent.
 * A conversion cannot ask for custom values, so there required custom fields wait until the
 * deal is next edited, as for deals made before a field became required.
 */
export async function insertNewDeal(
  trx: Db,
  actor: Actor,
  input: DealCreate,
  currency: string,
  opts: { isConversion?: boolean } = {},
): Promise<Deal> {
  const ws = actor.workspaceId
  const id = newId()
  const custom = validateCustomValues(
    await dealCustomFields(trx, ws),
    input.custom,
    opts.isConversion ? {} : undefined,
  )
  const pipeline = await loadPipelineOrFail(trx, ws, input.pipelineId)
  const stage = await stageOf(trx, ws, pipeline, input.stageId ?? pipeline.stages[0]?.id ?? '')
  await checkRefs(trx, ws, input)
  const contacts = (input.contacts ?? []).map((c) => ({
    contactId: c.contactId,
    buyingRole: c.buyingRole ?? null,
  }))
  const values: DealValues = {
    title: input.title,
    pipelineId: pipeline.id,
    stageId: stage.id,
    amount: input.amount ?? 0,
    currency: input.currency ?? currency,
    expectedCloseDate: input.expectedCloseDate ?? null,
    probability: input.probability ?? null,
    forecastCategory: input.forecastCategory ?? null,
    status: 'open',
    lostReasonId: null,
    lostNote: null,
    closedAt: null,
    ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
    companyId: input.companyId ?? null,
    custom,
  }
  await checkGate(trx, ws, pipeline, stage, { ...values, id: null, contacts })
  await insertDeal(trx, ws, id, values, await endPosition(trx, ws, stage.id), actor.userId)
  await replaceDealContacts(trx, ws, id, contacts)
  const at = new Date()
  await openStay(trx, {
    workspaceId: ws,
    id: newId(),
    dealId: id,
    pipelineId: pipeline.id,
    stageId: stage.id,
    at,
    by: actor.userId,
  })
  await recomputeDealScore(trx, ws, id)
  await recordEvents(trx, actor, [{ objectType: 'deal', recordId: id, eventType: 'created' }])
  await audit(trx, actor, { action: 'create', objectType: 'deal', recordIds: [id] })
  const [created] = await findDeals(trx, ws, [id], { ownerIds: null })
  if (!created) throw notFound('Deal')
  return created
}

/** The workspace currency, the default of new deals and products. */
export async function defaultCurrency(deps: Deps, actor: Actor): Promise<string> {
  return workspaceCurrency(deps, actor.workspaceId)
}

export async function createDeal(deps: Deps, actor: Actor, input: DealCreate): Promise<Deal> {
  authorize(actor, 'deals', 'create')
  const currency = input.currency ?? (await defaultCurrency(deps, actor))
  const deal = await withDb(() =>
    deps.db.transaction().execute((trx) => insertNewDeal(trx, actor, input, currency)),
  )
  await publishDealEvents(deps, [dealEvent(actor, 'deal.created', deal, null)])
  return deal
}

export function dealEvent(
  actor: Actor,
  type: 'deal.created' | 'deal.updated' | 'deal.moved' | 'deal.deleted',
  deal: Deal,
  fromStageId: string | null,
) {
  return {
    workspaceId: actor.workspaceId,
    type,
    pipelineId: deal.pipelineId,
    dealId: deal.id,
    stageId: deal.stageId,
    fromStageId,
    userId: actor.userId,
  }
}

export async function getDeal(deps: Deps, actor: Actor, id: string): Promise<Deal> {
  authorize(actor, 'deals', 'read')
  const [deal] = await findDeals(
    deps.db,
    actor.workspaceId,
    [id],
    await dealVisibility(deps, actor, true),
  )
  if (!deal) throw notFound('Deal')
  return deal
}

export async function listDeals(deps: Deps, actor: Actor, query: ListQuery): Promise<Page<Deal>> {
  authorize(actor, 'deals', 'read')
  const defs = await dealCustomFields(deps.db, actor.workspaceId)
  const plan = planList(dealListSpec(new Map(defs.map((d) => [d.key, d.type]))), query)
  const includeDeleted = query.includeDeleted === 'only' ? 'only' : query.includeDeleted === 'true'
  const vis = await dealVisibility(deps, actor, includeDeleted)
  return withDb(() => listDealRows(deps.db, actor.workspaceId, plan, vis))
}

export async function dealTimeline(
  deps: Deps,
  actor: Actor,
  id: string,
  opts: { before?: string; limit: number },
): Promise<TimelineEvent[]> {
  await getDeal(deps, actor, id)
  return listTimelineEvents(deps.db, {
    workspaceId: actor.workspaceId,
    objectType: 'deal',
    recordIds: [id],
    ...opts,
  })
}

/** Which of the given deals the actor may see (for records that hang off deals, e.g. quotes). */
export async function listVisibleDealIds(
  deps: Deps,
  actor: Actor,
  ids: string[],
): Promise<Set<string>> {
  const vis = await dealVisibility(deps, actor, true)
  const found = await findDeals(deps.db, actor.workspaceId, [...new Set(ids)], vis)
  return new Set(found.map((d) => d.id))
}
