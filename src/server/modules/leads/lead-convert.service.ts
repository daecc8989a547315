import type { Lead, LeadConvert } from '../../../shared/leads.schema'
import type { Deps } from '../../deps'
import { fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { createCompanyInTransaction } from '../companies/companies.service'
import { linkCompanyInTransaction } from '../contacts/contact-companies.service'
import { publishDealEvents } from '../deals/deal-events'
import { dealEvent, defaultCurrency, insertNewDeal } from '../deals/deals.service'
import { recordEvents } from '../timeline/timeline.service'
import { findLeads, setContactLifecycle, updateLeadRow } from './leads.repo'
import { getLead, withDb } from './leads.service'
import { liveCompanyIds } from './lead-refs.repo'

/**
 * Qualifies a lead into a contact + company + deal in ONE transaction: the contact is the same
 * record (its activities and timeline stay), it becomes a prospect, is linked to the company
 * (given or made from the lead's company name) and is the first contact of the new deal. The
 * company, the link and the deal are written by their own modules' services, which take the
 * conversion's transaction.
 */
export async function convertLead(
  deps: Deps,
  actor: Actor,
  id: string,
  input: LeadConvert,
): Promise<{ lead: Lead; contactId: string; companyId: string | null; dealId: string }> {
  authorize(actor, 'leads', 'update')
  authorize(actor, 'deals', 'create')
  const vis = await visibleOwnerIds(deps, actor)
  const currency = input.currency ?? (await defaultCurrency(deps, actor))
  const result = await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const [lead] = await findLeads(trx, ws, { ids: [id], ownerIds: vis, forUpdate: true })
      if (!lead) throw notFound('Lead')
      if (lead.status === 'converted' || lead.status === 'disqualified')
        throw fieldError('status', 'invalid_transition')
      let companyId = input.companyId ?? null
      if (companyId && !(await liveCompanyIds(trx, ws, [companyId])).has(companyId))
        throw fieldError('companyId', 'unknown_reference')
      if (!companyId && lead.companyName)
        companyId = await createCompanyInTransaction(
          trx,
          actor,
          {
            name: lead.companyName,
            industry: lead.industry,
            lifecycleStage: 'prospect',
            ownerId: lead.ownerId,
          },
          { fromLead: id },
        )
      if (companyId)
        await linkCompanyInTransaction(trx, actor, id, {
          companyId,
          role: lead.title,
          isPrimary: true,
        })
      await setContactLifecycle(trx, ws, id, 'prospect')
      const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ')
      const deal = await insertNewDeal(
        trx,
        actor,
        {
          title: input.dealTitle ?? lead.companyName ?? (name || 'Lead'),
          pipelineId: input.pipelineId,
          stageId: input.stageId,
          amount: input.amount,
          ownerId: lead.ownerId,
          companyId,
          contacts: [{ contactId: id }],
        },
        currency,
        { isConversion: true },
      )
      const now = new Date()
      await updateLeadRow(trx, ws, id, {
        status: 'converted',
        convertedCompanyId: companyId,
        convertedDealId: deal.id,
        convertedAt: now,
      })
      await recordEvents(trx, actor, [
        {
          objectType: 'contact',
          recordId: id,
          eventType: 'lead_converted',
          changes: [{ field: 'lifecycleStage', old: 'lead', new: 'prospect' }],
          data: { companyId, dealId: deal.id },
        },
      ])
      await audit(trx, actor, {
        action: 'update',
        objectType: 'lead',
        recordIds: [id],
        details: { converted: deal.id },
      })
      return { companyId, deal }
    }),
  )
  await publishDealEvents(deps, [dealEvent(actor, 'deal.created', result.deal, null)])
  return {
    lead: await getLead(deps, actor, id),
    contactId: id,
    companyId: result.companyId,
    dealId: result.deal.id,
  }
}
