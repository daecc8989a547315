import { sql, type Selectable } from 'kysely'
import type { Deal } from '../../../shared/deals.schema'
import type { Db } from '../../db/client'
import {
  visibilityConditions,
  type ListSpec,
  type PlannedList,
  type Visibility,
} from '../../db/list-query'
import type { DealsTable } from '../../db/schema'
import type { CustomFieldType } from '../../../shared/custom-fields.schema'

export type DealRow = Selectable<DealsTable> & { stage_probability: number }
type Row = DealRow

export type DealValues = {
  title: string
  pipelineId: string
  stageId: string
  amount: number
  currency: string
  expectedCloseDate: string | null
  probability: number | null
  forecastCategory: Deal['forecastCategory']
  status: Deal['status']
  lostReasonId: string | null
  lostNote: string | null
  closedAt: Date | null
  ownerId: string | null
  companyId: string | null
  custom: Record<string, unknown>
}

type ContactLink = Deal['contacts'][number]

function toRow(v: DealValues) {
  return {
    title: v.title,
    pipeline_id: v.pipelineId,
    stage_id: v.stageId,
    amount: v.amount,
    currency: v.currency,
    expected_close_date: v.expectedCloseDate,
    probability: v.probability,
    forecast_category: v.forecastCategory,
    status: v.status,
    lost_reason_id: v.lostReasonId,
    lost_note: v.lostNote,
    closed_at: v.closedAt,
    owner_id: v.ownerId,
    company_id: v.companyId,
    custom: JSON.stringify(v.custom),
    search_text: v.title.toLowerCase(),
  }
}

export function toDeal(r: Row, contacts: ContactLink[]): Deal {
  return {
    id: r.id,
    title: r.title,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    position: r.position,
    amount: Number(r.amount),
    currency: r.currency,
    expectedCloseDate: r.expected_close_date,
    probability: r.probability ?? r.stage_probability,
    probabilityOverride: r.probability,
    forecastCategory: r.forecast_category as Deal['forecastCategory'],
    status: r.status as Deal['status'],
    lostReasonId: r.lost_reason_id,
    lostNote: r.lost_note,
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    ownerId: r.owner_id,
    companyId: r.company_id,
    contacts,
    score: r.score,
    stageEnteredAt: r.stage_entered_at.toISOString(),
    lastActivityAt: r.last_activity_at.toISOString(),
    custom: r.custom,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
  }
}

export function valuesOf(d: Deal): DealValues {
  return {
    title: d.title,
    pipelineId: d.pipelineId,
    stageId: d.stageId,
    amount: d.amount,
    currency: d.currency,
    expectedCloseDate: d.expectedCloseDate,
    probability: d.probabilityOverride,
    forecastCategory: d.forecastCategory,
    status: d.status,
    lostReasonId: d.lostReasonId,
    lostNote: d.lostNote,
    closedAt: d.closedAt ? new Date(d.closedAt) : null,
    ownerId: d.ownerId,
    companyId: d.companyId,
    custom: d.custom,
  }
}

function baseQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('deals as d')
    .innerJoin('pipeline_stages as s', (j) =>
      j.onRef('s.workspace_id', '=', 'd.workspace_id').onRef('s.id', '=', 'd.stage_id'),
    )
    .selectAll('d')
    .select('s.probability as stage_probability')
    .where('d.workspace_id', '=', workspaceId)
}

async function withContacts(db: Db, workspaceId: string, rows: Row[]): Promise<Deal[]> {
  const ids = rows.map((r) => r.id)
  const links = ids.length
    ? await db
        .selectFrom('deal_contacts')
        .select(['deal_id', 'contact_id', 'buying_role'])
        .where('workspace_id', '=', workspaceId)
        .where('deal_id', 'in', ids)
        .orderBy('created_at')
        .execute()
    : []
  return rows.map((r) =>
    toDeal(
      r,
      links
        .filter((l) => l.deal_id === r.id)
        .map((l) => ({ contactId: l.contact_id, buyingRole: l.buying_role })),
    ),
  )
}

export async function findDeals(
  db: Db,
  workspaceId: string,
  ids: string[],
  vis: Visibility,
  forUpdate = false,
): Promise<Deal[]> {
  if (ids.length === 0) return []
  // Lock the deal rows alone, before the joined read: a FOR UPDATE over the join would recheck
  // a concurrently moved deal against its old stage row and lose it.
  if (forUpdate)
    await db
      .selectFrom('deals')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .forUpdate()
      .execute()
  let q = baseQuery(db, workspaceId).where('d.id', 'in', ids)
  for (const cond of visibilityConditions('d', 'owner_id', vis)) q = q.where(cond as never)
  return withContacts(db, workspaceId, (await q.execute()) as Row[])
}

export async function insertDeal(
  db: Db,
  workspaceId: string,
  id: string,
  v: DealValues,
  position: number,
  createdBy: string,
): Promise<void> {
  await db
    .insertInto('deals')
    .values({ workspace_id: workspaceId, id, ...toRow(v), position, created_by: createdBy })
    .execute()
}

export async function updateDealRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: Partial<DealValues> & { position?: number; stageEnteredAt?: Date; deletedAt?: Date | null },
): Promise<void> {
  const set: Record<string, unknown> = { updated_at: new Date() }
  if (v.title !== undefined) Object.assign(set, toRow(v as DealValues))
  else if (v.amount !== undefined) set.amount = v.amount
  if (v.stageId !== undefined) set.stage_id = v.stageId
  if (v.position !== undefined) set.position = v.position
  if (v.stageEnteredAt !== undefined) set.stage_entered_at = v.stageEnteredAt
  if (v.deletedAt !== undefined) set.deleted_at = v.deletedAt
  await db
    .updateTable('deals')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function replaceDealContacts(
  db: Db,
  workspaceId: string,
  dealId: string,
  contacts: ContactLink[],
): Promise<void> {
  await db
    .deleteFrom('deal_contacts')
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .execute()
  if (contacts.length)
    await db
      .insertInto('deal_contacts')
      .values(
        contacts.map((c) => ({
          workspace_id: workspaceId,
          deal_id: dealId,
          contact_id: c.contactId,
          buying_role: c.buyingRole,
        })),
      )
      .execute()
}

export function dealListSpec(customTypes: ReadonlyMap<string, CustomFieldType>): ListSpec {
  const f = (col: string, type: ListSpec['fields'][string]['type'], isNotNull = false) => ({
    expr: sql.ref(`d.${col}`),
    type,
    isSortable: true,
    isNotNull,
  })
  return {
    idExpr: sql.ref('d.id'),
    customExpr: sql.ref('d.custom'),
    searchTextExpr: sql.ref('d.search_text'),
    searchVectorExpr: sql`to_tsvector('simple', d.search_text)`,
    customTypes,
    defaultSort: '-updatedAt',
    fields: {
      id: f('id', 'uuid', true),
      title: f('title', 'text', true),
      pipelineId: f('pipeline_id', 'uuid', true),
      stageId: f('stage_id', 'uuid', true),
      amount: f('amount', 'number', true),
      currency: f('currency', 'text', true),
      expectedCloseDate: f('expected_close_date', 'date'),
      status: f('status', 'text', true),
      ownerId: f('owner_id', 'uuid'),
      companyId: f('company_id', 'uuid'),
      score: f('score', 'number'),
      createdAt: f('created_at', 'timestamp', true),
      updatedAt: f('updated_at', 'timestamp', true),
    },
  }
}

export async function listDealRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: Visibility,
): Promise<{ data: Deal[]; nextCursor: string | null }> {
  let q = baseQuery(db, workspaceId).select(plan.sortExpr.as('__sort'))
  for (const cond of [...visibilityConditions('d', 'owner_id', vis), ...plan.where])
    q = q.where(cond as never)
  const rows = await q
    .orderBy(plan.orderBy as never)
    .limit(plan.limit + 1)
    .offset(plan.offset)
    .execute()
  const nextCursor = plan.nextCursor(rows as unknown as { __sort: unknown; id: string }[])
  return {
    data: await withContacts(db, workspaceId, rows.slice(0, plan.limit) as Row[]),
    nextCursor,
  }
}
