import { sql, type Selectable } from 'kysely'
import type { Db } from '../../db/client'
import type { QuotesTable } from '../../db/schema'

export type QuoteRow = Selectable<QuotesTable>

/** Next quote number of the workspace; the upsert is atomic, so numbers never repeat. */
export async function nextQuoteNumber(db: Db, workspaceId: string): Promise<number> {
  const r = await sql<{ value: number }>`
    insert into sales_counters (workspace_id, name, value) values (${workspaceId}, 'quote', 1)
    on conflict (workspace_id, name) do update set value = sales_counters.value + 1
    returning value`.execute(db)
  return Number(r.rows[0]?.value ?? 1)
}

export type QuoteValues = {
  title: string
  status: string
  language: string
  validUntil: string | null
  notes: string | null
  netTotal: number
  vatTotal: number
  grossTotal: number
  sentAt: Date | null
  decidedAt: Date | null
}

function toRow(v: QuoteValues) {
  return {
    title: v.title,
    status: v.status,
    language: v.language,
    valid_until: v.validUntil,
    notes: v.notes,
    net_total: v.netTotal,
    vat_total: v.vatTotal,
    gross_total: v.grossTotal,
    sent_at: v.sentAt,
    decided_at: v.decidedAt,
  }
}

export async function insertQuote(
  db: Db,
  q: {
    workspaceId: string
    id: string
    dealId: string
    number: number
    currency: string
    createdBy: string
  },
  v: QuoteValues,
): Promise<void> {
  await db
    .insertInto('quotes')
    .values({
      workspace_id: q.workspaceId,
      id: q.id,
      deal_id: q.dealId,
      number: q.number,
      currency: q.currency,
      created_by: q.createdBy,
      ...toRow(v),
    })
    .execute()
}

export async function updateQuoteRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: QuoteValues | { deletedAt: Date },
): Promise<void> {
  const set = 'deletedAt' in v ? { deleted_at: v.deletedAt } : toRow(v)
  await db
    .updateTable('quotes')
    .set({ ...set, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function findQuoteRows(
  db: Db,
  workspaceId: string,
  where: { ids?: string[]; dealIds?: string[] },
  forUpdate = false,
): Promise<QuoteRow[]> {
  let q = db
    .selectFrom('quotes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
  if (where.ids)
    q = where.ids.length ? q.where('id', 'in', where.ids) : q.where(sql<boolean>`false`)
  if (where.dealIds)
    q = where.dealIds.length
      ? q.where('deal_id', 'in', where.dealIds)
      : q.where(sql<boolean>`false`)
  if (forUpdate) q = q.forUpdate()
  return q.orderBy('number', 'desc').limit(500).execute()
}
