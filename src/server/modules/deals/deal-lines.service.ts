import type { Lines, LineInputBody } from '../../../shared/products.schema'
import type { Deps } from '../../deps'
import { notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { linesWithTotals, resolveLines, saveLines } from '../products/lines.service'
import { recordEvents } from '../timeline/timeline.service'
import { publishDealEvents } from './deal-events'
import { findDeals, updateDealRow } from './deals.repo'
import { dealVisibility, getDeal, withDb } from './deals.service'

export async function getDealLines(deps: Deps, actor: Actor, id: string): Promise<Lines> {
  await getDeal(deps, actor, id)
  return linesWithTotals(deps.db, actor.workspaceId, { table: 'deal_lines', parentId: id })
}

/** Replaces the product lines; by default the deal amount becomes their net total. */
export async function replaceDealLines(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { lines: LineInputBody[]; updateAmount?: boolean },
): Promise<Lines> {
  authorize(actor, 'deals', 'update')
  const vis = await dealVisibility(deps, actor)
  const deal = await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const [deal] = await findDeals(trx, ws, [id], vis, true)
      if (!deal) throw notFound('Deal')
      const lines = await resolveLines(trx, ws, input.lines)
      const totals = await saveLines(trx, ws, { table: 'deal_lines', parentId: id }, lines)
      const changes = []
      if (input.updateAmount !== false && lines.length > 0 && totals.net !== deal.amount) {
        await updateDealRow(trx, ws, id, { amount: totals.net })
        changes.push({ field: 'amount', old: deal.amount, new: totals.net })
      }
      await recordEvents(trx, actor, [
        {
          objectType: 'deal',
          recordId: id,
          eventType: 'lines_changed',
          changes,
          data: { lines: lines.length, net: totals.net },
        },
      ])
      await audit(trx, actor, {
        action: 'update',
        objectType: 'deal',
        recordIds: [id],
        details: { lines: true },
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
  return getDealLines(deps, actor, id)
}
