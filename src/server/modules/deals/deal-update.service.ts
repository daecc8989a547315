import type { Deal, DealUpdate } from '../../../shared/deals.schema'
import type { Deps } from '../../deps'
import { fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { diffFields, recordEvents } from '../timeline/timeline.service'
import { publishDealEvents } from './deal-events'
import { closeStay, openStay } from './deal-rules.repo'
import {
  findDeals,
  replaceDealContacts,
  updateDealRow,
  valuesOf,
  type DealValues,
} from './deals.repo'
import { validateCustomValues } from '../custom-fields/custom-values'
import { checkRefs, dealCustomFields, dealVisibility, getDeal, withDb } from './deals.service'

const tracked = [
  'title',
  'amount',
  'currency',
  'expectedCloseDate',
  'probabilityOverride',
  'forecastCategory',
  'status',
  'lostReasonId',
  'lostNote',
  'ownerId',
  'companyId',
  'contacts',
  'custom',
] as const

/** Status changes set or clear the closing time; a closed deal leaves its stage stay. */
function applyStatus(before: Deal, input: DealUpdate, now: Date): Partial<DealValues> {
  const status = input.status ?? before.status
  if (status === before.status) return {}
  if (status === 'open') return { status, closedAt: null, lostReasonId: null, lostNote: null }
  return { status, closedAt: now }
}

export async function updateDeal(
  deps: Deps,
  actor: Actor,
  id: string,
  input: DealUpdate,
): Promise<Deal> {
  authorize(actor, 'deals', 'update')
  const vis = await dealVisibility(deps, actor)
  const now = new Date()
  const { before, after } = await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const [before] = await findDeals(trx, ws, [id], vis, true)
      if (!before) throw notFound('Deal')
      await checkRefs(trx, ws, input)
      // Custom values merge into the stored ones (null removes one), checked against the fields.
      const custom =
        input.custom === undefined
          ? undefined
          : validateCustomValues(await dealCustomFields(trx, ws), input.custom, before.custom)
      const base = valuesOf(before)
      const values: DealValues = {
        ...base,
        ...Object.fromEntries(
          Object.entries({
            title: input.title,
            amount: input.amount,
            currency: input.currency,
            expectedCloseDate: input.expectedCloseDate,
            probability: input.probability,
            forecastCategory: input.forecastCategory,
            ownerId: input.ownerId,
            companyId: input.companyId,
            custom,
            lostReasonId: input.lostReasonId,
            lostNote: input.lostNote,
          }).filter(([, v]) => v !== undefined),
        ),
        ...applyStatus(before, input, now),
      }
      if (values.status !== 'lost' && (input.lostReasonId || input.lostNote))
        throw fieldError('lostReasonId', 'only_when_lost')
      await updateDealRow(trx, ws, id, values)
      if (input.contacts)
        await replaceDealContacts(
          trx,
          ws,
          id,
          input.contacts.map((c) => ({ contactId: c.contactId, buyingRole: c.buyingRole ?? null })),
        )
      if (before.status === 'open' && values.status !== 'open')
        await closeStay(trx, ws, id, now, actor.userId)
      if (before.status !== 'open' && values.status === 'open') {
        await updateDealRow(trx, ws, id, { stageEnteredAt: now })
        await openStay(trx, {
          workspaceId: ws,
          id: newId(),
          dealId: id,
          pipelineId: before.pipelineId,
          stageId: before.stageId,
          at: now,
          by: actor.userId,
        })
      }
      const [after] = await findDeals(trx, ws, [id], { ownerIds: null })
      if (!after) throw notFound('Deal')
      const changes = diffFields(before, after, [...tracked])
      if (changes.length) {
        await recordEvents(trx, actor, [
          { objectType: 'deal', recordId: id, eventType: 'updated', changes },
        ])
        await audit(trx, actor, { action: 'update', objectType: 'deal', recordIds: [id] })
      }
      return { before, after }
    }),
  )
  await publishDealEvents(deps, [
    {
      workspaceId: actor.workspaceId,
      type: 'deal.updated',
      pipelineId: after.pipelineId,
      dealId: id,
      stageId: after.stageId,
      fromStageId: before.stageId,
      userId: actor.userId,
    },
  ])
  return after
}

export async function setDealDeleted(
  deps: Deps,
  actor: Actor,
  id: string,
  deleted: boolean,
): Promise<Deal> {
  authorize(actor, 'deals', 'delete')
  const vis = await dealVisibility(deps, actor, deleted ? false : 'only')
  const deal = await deps.db.transaction().execute(async (trx) => {
    const [found] = await findDeals(trx, actor.workspaceId, [id], vis, true)
    if (!found) throw notFound(deleted ? 'Deal' : 'Deleted deal')
    await updateDealRow(trx, actor.workspaceId, id, { deletedAt: deleted ? new Date() : null })
    const eventType = deleted ? 'deleted' : 'restored'
    await recordEvents(trx, actor, [{ objectType: 'deal', recordId: id, eventType }])
    await audit(trx, actor, {
      action: deleted ? 'delete' : 'restore',
      objectType: 'deal',
      recordIds: [id],
    })
    return found
  })
  await publishDealEvents(deps, [
    {
      workspaceId: actor.workspaceId,
      type: deleted ? 'deal.deleted' : 'deal.created',
      pipelineId: deal.pipelineId,
      dealId: id,
      stageId: deal.stageId,
      fromStageId: null,
      userId: actor.userId,
    },
  ])
  return deleted ? deal : getDeal(deps, actor, id)
}
