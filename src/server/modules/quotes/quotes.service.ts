import type { Quote, QuoteCreate, QuoteUpdate } from '../../../shared/quotes.schema'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { getDeal, listVisibleDealIds } from '../deals/deals.service'
import { linesWithTotals, resolveLines, saveLines } from '../products/lines.service'
import { recordEvents } from '../timeline/timeline.service'
import {
  findQuoteRows,
  insertQuote,
  nextQuoteNumber,
  updateQuoteRow,
  type QuoteRow,
  type QuoteValues,
} from './quotes.repo'

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

async function toQuote(deps: Deps, r: QuoteRow): Promise<Quote> {
  const { lines, totals } = await linesWithTotals(deps.db, r.workspace_id, {
    table: 'quote_lines',
    parentId: r.id,
  })
  return {
    id: r.id,
    dealId: r.deal_id,
    number: r.number,
    title: r.title,
    status: r.status as Quote['status'],
    language: r.language as Quote['language'],
    currency: r.currency,
    validUntil: r.valid_until,
    notes: r.notes,
    lines,
    totals,
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

/** A quote is visible to whoever sees its deal. */
export async function getQuote(deps: Deps, actor: Actor, id: string): Promise<Quote> {
  authorize(actor, 'quotes', 'read')
  const [row] = await findQuoteRows(deps.db, actor.workspaceId, { ids: [id] })
  if (!row) throw notFound('Quote')
  await getDeal(deps, actor, row.deal_id).catch(() => {
    throw notFound('Quote')
  })
  return toQuote(deps, row)
}

export async function listQuotes(deps: Deps, actor: Actor, dealId?: string): Promise<Quote[]> {
  authorize(actor, 'quotes', 'read')
  const dealIds = dealId ? [(await getDeal(deps, actor, dealId)).id] : undefined
  const rows = await findQuoteRows(deps.db, actor.workspaceId, { dealIds })
  const visible = dealIds
    ? null
    : await listVisibleDealIds(
        deps,
        actor,
        rows.map((r) => r.deal_id),
      )
  return Promise.all(
    rows.filter((r) => !visible || visible.has(r.deal_id)).map((r) => toQuote(deps, r)),
  )
}

export async function createQuote(deps: Deps, actor: Actor, input: QuoteCreate): Promise<Quote> {
  authorize(actor, 'quotes', 'create')
  const deal = await getDeal(deps, actor, input.dealId).catch(() => {
    throw fieldError('dealId', 'unknown_reference')
  })
  if (deal.deletedAt) throw fieldError('dealId', 'unknown_reference')
  const id = newId()
  await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const lines = input.lines
        ? await resolveLines(trx, ws, input.lines)
        : (await linesWithTotals(trx, ws, { table: 'deal_lines', parentId: deal.id })).lines.map(
            (l) => ({ ...l, id: newId() }),
          )
      const number = await nextQuoteNumber(trx, ws)
      const values: QuoteValues = {
        title: input.title ?? deal.title,
        status: 'draft',
        language: input.language ?? 'fi',
        validUntil: input.validUntil ?? null,
        notes: input.notes ?? null,
        netTotal: 0,
        vatTotal: 0,
        grossTotal: 0,
        sentAt: null,
        decidedAt: null,
      }
      await insertQuote(
        trx,
        {
          workspaceId: ws,
          id,
          dealId: deal.id,
          number,
          currency: deal.currency,
          createdBy: actor.userId,
        },
        values,
      )
      const totals = await saveLines(trx, ws, { table: 'quote_lines', parentId: id }, lines)
      await updateQuoteRow(trx, ws, id, {
        ...values,
        netTotal: totals.net,
        vatTotal: totals.vat,
        grossTotal: totals.gross,
      })
      await recordEvents(trx, actor, [
        { objectType: 'quote', recordId: id, eventType: 'created' },
        {
          objectType: 'deal',
          recordId: deal.id,
          eventType: 'quote_created',
          data: { quoteId: id, number },
        },
      ])
      await audit(trx, actor, { action: 'create', objectType: 'quote', recordIds: [id] })
    }),
  )
  return getQuote(deps, actor, id)
}

const transitions: Record<string, string[]> = {
  draft: ['draft', 'sent'],
  sent: ['sent', 'accepted', 'rejected', 'draft'],
  accepted: ['accepted'],
  rejected: ['rejected', 'draft'],
}

export async function updateQuote(
  deps: Deps,
  actor: Actor,
  id: string,
  input: QuoteUpdate,
): Promise<Quote> {
  authorize(actor, 'quotes', 'update')
  const current = await getQuote(deps, actor, id)
  await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const [row] = await findQuoteRows(trx, ws, { ids: [id] }, true)
      if (!row) throw notFound('Quote')
      const status = input.status ?? row.status
      if (!transitions[row.status]?.includes(status))
        throw fieldError('status', 'invalid_transition')
      if (input.lines && status !== 'draft') throw fieldError('lines', 'quote_not_draft')
      const now = new Date()
      let totals = current.totals
      if (input.lines)
        totals = await saveLines(
          trx,
          ws,
          { table: 'quote_lines', parentId: id },
          await resolveLines(trx, ws, input.lines),
        )
      const values: QuoteValues = {
        title: input.title ?? row.title,
        status,
        language: input.language ?? row.language,
        validUntil: input.validUntil === undefined ? row.valid_until : input.validUntil,
        notes: input.notes === undefined ? row.notes : input.notes,
        netTotal: totals.net,
        vatTotal: totals.vat,
        grossTotal: totals.gross,
        sentAt:
          status === 'sent' && row.status !== 'sent'
            ? now
            : status === 'draft'
              ? null
              : row.sent_at,
        decidedAt: status === 'accepted' || status === 'rejected' ? (row.decided_at ?? now) : null,
      }
      await updateQuoteRow(trx, ws, id, values)
      const changes =
        status === row.status ? [] : [{ field: 'status', old: row.status, new: status }]
      await recordEvents(trx, actor, [
        { objectType: 'quote', recordId: id, eventType: 'updated', changes },
      ])
      await audit(trx, actor, { action: 'update', objectType: 'quote', recordIds: [id] })
    }),
  )
  return getQuote(deps, actor, id)
}

export async function deleteQuote(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'quotes', 'delete')
  await getQuote(deps, actor, id)
  await deps.db.transaction().execute(async (trx) => {
    await updateQuoteRow(trx, actor.workspaceId, id, { deletedAt: new Date() })
    await recordEvents(trx, actor, [{ objectType: 'quote', recordId: id, eventType: 'deleted' }])
    await audit(trx, actor, { action: 'delete', objectType: 'quote', recordIds: [id] })
  })
}
