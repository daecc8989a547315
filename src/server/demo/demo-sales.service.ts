import type { Db } from '../db/client'
import { idBase } from './generate'
import { dealRows, salesSetup, type SalesContext } from './generate-sales'
import { demoId } from './random'
import {
  vacuumSalesTables,
  demoSalesReps,
  insertDemoActivityTargets,
  insertDemoDealContacts,
  insertDemoDeals,
  insertDemoLines,
  insertDemoLostReasons,
  insertDemoPipelines,
  insertDemoProducts,
  insertDemoQuotas,
  insertDemoQuotes,
  insertDemoStays,
  setQuoteCounter,
} from './demo-sales.repo'

export type DemoSalesOptions = {
  workspaceId: string
  deals: number
  /** Sizes and seed of the demo's companies and contacts, whose ids the deals point to. */
  companies: number
  contacts: number
  seed?: number
  ownerIds?: string[]
  now?: Date
  chunkSize?: number
  onProgress?: (what: string, done: number, total: number) => void
}

const monthStart = (d: Date, offset: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 10)

/**
 * Pipelines, products, lost reasons, quotas and `deals` deals with their stage history, contacts,
 * lines and some quotes, into a workspace whose companies and contacts the demo made with the
 * same seed. Used by `suhde demo` and by the benchmarks to add deals to an existing database.
 */
export async function addDemoSales(db: Db, opts: DemoSalesOptions): Promise<{ deals: number }> {
  const seed = opts.seed ?? 1
  const { workspaceId } = opts
  const ownerIds = opts.ownerIds ?? (await demoSalesReps(db, workspaceId))
  const setup = salesSetup(seed)
  const now = opts.now ?? new Date()
  await db.transaction().execute(async (trx) => {
    const gates = setup.pipelines.flatMap((p) =>
      p.stages.flatMap((s) =>
        s.requiredCriteria.map((key) => ({
          stageId: s.id,
          criterionId: setup.criteria.find((c) => c.key === key)!.id,
        })),
      ),
    )
    await insertDemoPipelines(trx, workspaceId, setup.pipelines, setup.criteria, gates)
    await insertDemoLostReasons(
      trx,
      workspaceId,
      setup.lostReasons.map((l, position) => ({ ...l, position })),
    )
    await insertDemoProducts(
      trx,
      workspaceId,
      setup.products.map((p) => ({
        id: p.id,
        name: p.name,
        sku: p.sku,
        unit: p.unit,
        unit_price: p.unitPrice,
        vat_rate: p.vatRate,
      })),
    )
    // Monthly quotas from a year back to half a year ahead, 40k–120k € a rep.
    const quotas = ownerIds.flatMap((userId, u) =>
      Array.from({ length: 19 }, (_, k) => ({
        id: demoId(seed, 41, u * 100 + k, idBase + k),
        user_id: userId,
        period_start: monthStart(now, k - 12),
        amount: (40 + ((u * 17 + k * 7) % 9) * 10) * 1000_00,
      })),
    )
    await insertDemoQuotas(trx, workspaceId, quotas)
    await insertDemoActivityTargets(trx, workspaceId, ownerIds)
  })
  const ctx: SalesContext = {
    seed,
    workspaceId,
    ownerIds,
    tagIds: [],
    companies: opts.companies,
    contacts: opts.contacts,
    now,
    pipelines: setup.pipelines,
    lostReasonIds: setup.lostReasons.map((l) => l.id),
    products: setup.products,
  }
  const size = opts.chunkSize ?? 5000
  let quoteNumber = 0
  for (let from = 0; from < opts.deals; from += size) {
    const to = Math.min(opts.deals, from + size)
    const made = Array.from({ length: to - from }, (_, k) => dealRows(ctx, from + k))
    const quotes = made.flatMap((m) =>
      m.quote ? [{ ...m.quote, row: { ...m.quote.row, number: ++quoteNumber } }] : [],
    )
    await db.transaction().execute(async (trx) => {
      await insertDemoDeals(
        trx,
        workspaceId,
        made.map((m) => m.deal),
      )
      await insertDemoDealContacts(
        trx,
        workspaceId,
        made.flatMap((m) => m.contacts),
      )
      await insertDemoStays(
        trx,
        workspaceId,
        made.flatMap((m) => m.stays),
      )
      await insertDemoLines(
        trx,
        workspaceId,
        'deal_lines',
        made.flatMap((m) => m.lines),
      )
      await insertDemoQuotes(
        trx,
        workspaceId,
        quotes.map((q) => q.row),
      )
      await insertDemoLines(
        trx,
        workspaceId,
        'quote_lines',
        quotes.flatMap((q) => q.lines),
      )
    })
    opts.onProgress?.('deals', to, opts.deals)
  }
  if (quoteNumber) await setQuoteCounter(db, workspaceId, quoteNumber)
  await vacuumSalesTables(db)
  return { deals: opts.deals }
}
