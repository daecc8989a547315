import { sql, type Selectable } from 'kysely'
import type { Company } from '../../../shared/companies.schema'
import type { CustomFieldType } from '../../../shared/custom-fields.schema'
import type { Db } from '../../db/client'
import { planCount, planPage } from '../../db/paged'
import {
  visibilityConditions,
  type ListSpec,
  type PlannedList,
  type Visibility,
} from '../../db/list-query'
import type { CompaniesTable } from '../../db/schema'
import { tagsJson, type TagRef } from '../tags/tag-links.repo'

type Row = Omit<Selectable<CompaniesTable>, 'search_text'>

// What reads return: every column but search_text and the generated search_vector, which only
// searching reads and which are the widest columns of the table.
const readColumns = [
  'workspace_id',
  'id',
  'name',
  'business_id',
  'vat_id',
  'domain',
  'industry',
  'size',
  'addresses',
  'tier',
  'lifecycle_stage',
  'owner_id',
  'parent_id',
  'custom',
  'created_by',
  'created_at',
  'updated_at',
  'deleted_at',
] as const
const aliasedColumns = [
  'c.workspace_id',
  'c.id',
  'c.name',
  'c.business_id',
  'c.vat_id',
  'c.domain',
  'c.industry',
  'c.size',
  'c.addresses',
  'c.tier',
  'c.lifecycle_stage',
  'c.owner_id',
  'c.parent_id',
  'c.custom',
  'c.created_by',
  'c.created_at',
  'c.updated_at',
  'c.deleted_at',
] as const

export type CompanyValues = {
  name: string
  businessId: string | null
  vatId: string | null
  domain: string | null
  industry: string | null
  size: string | null
  addresses: Company['addresses']
  tier: string | null
  lifecycleStage: string | null
  ownerId: string | null
  parentId: string | null
  custom: Record<string, unknown>
}

const columns = {
  name: 'name',
  businessId: 'business_id',
  vatId: 'vat_id',
  domain: 'domain',
  industry: 'industry',
  size: 'size',
  tier: 'tier',
  lifecycleStage: 'lifecycle_stage',
  ownerId: 'owner_id',
  parentId: 'parent_id',
} as const

export function searchText(v: CompanyValues): string {
  const cities = v.addresses.map((a) => a.city).filter(Boolean)
  return [v.name, v.businessId, v.vatId, v.domain, ...cities]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
}

function toRow(workspaceId: string, id: string, v: CompanyValues, createdBy: string | null) {
  return {
    workspace_id: workspaceId,
    id,
    name: v.name,
    business_id: v.businessId,
    vat_id: v.vatId,
    domain: v.domain,
    industry: v.industry,
    size: v.size,
    addresses: JSON.stringify(v.addresses),
    tier: v.tier,
    lifecycle_stage: v.lifecycleStage,
    owner_id: v.ownerId,
    parent_id: v.parentId,
    custom: JSON.stringify(v.custom),
    search_text: searchText(v),
    created_by: createdBy,
  }
}

export function toCompany(r: Row, tags: TagRef[]): Company {
  return {
    id: r.id,
    name: r.name,
    businessId: r.business_id,
    vatId: r.vat_id,
    domain: r.domain,
    industry: r.industry,
    size: r.size,
    addresses: r.addresses,
    tier: r.tier as Company['tier'],
    lifecycleStage: r.lifecycle_stage as Company['lifecycleStage'],
    ownerId: r.owner_id,
    parentId: r.parent_id,
    tags,
    custom: r.custom,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
  }
}

export function valuesOf(c: Company): CompanyValues {
  return {
    name: c.name,
    businessId: c.businessId,
    vatId: c.vatId,
    domain: c.domain,
    industry: c.industry,
    size: c.size,
    addresses: c.addresses,
    tier: c.tier,
    lifecycleStage: c.lifecycleStage,
    ownerId: c.ownerId,
    parentId: c.parentId,
    custom: c.custom,
  }
}

// The tags ride along as a json subselect: a read is one statement.
const withTagsColumns = () => [...aliasedColumns, tagsJson('company', 'c').as('tags')]
type TaggedRow = Row & { tags: TagRef[] }
const toTagged = (rows: TaggedRow[]): Company[] => rows.map((r) => toCompany(r, r.tags))

export async function insertCompanies(
  db: Db,
  workspaceId: string,
  records: { id: string; values: CompanyValues }[],
  createdBy: string | null,
): Promise<Company[]> {
  const out: Row[] = []
  // 1,000 rows x 16 columns stays far below PostgreSQL's 65,535 parameters per statement.
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records
      .slice(i, i + 1000)
      .map((r) => toRow(workspaceId, r.id, r.values, createdBy))
    out.push(...(await db.insertInto('companies').values(chunk).returning(readColumns).execute()))
  }
  return out.map((r) => toCompany(r, []))
}

export async function updateCompanyRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: CompanyValues,
): Promise<void> {
  const { workspace_id: _w, id: _id, created_by: _c, ...row } = toRow(workspaceId, id, v, null)
  await db
    .updateTable('companies')
    .set({ ...row, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function findCompanies(
  db: Db,
  workspaceId: string,
  ids: string[],
  vis: Visibility,
  forUpdate = false,
): Promise<Company[]> {
  if (ids.length === 0) return []
  let q = db
    .selectFrom('companies as c')
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', ids)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  if (forUpdate) {
    // Lock first, then read: subselects in a locking statement would see the tags as they were
    // before the lock was granted, not what the transaction it waited for wrote.
    const locked = (await q.select('c.id').forUpdate().execute()).map((r) => r.id)
    if (locked.length === 0) return []
    return findCompanies(db, workspaceId, locked, { ownerIds: null, includeDeleted: true })
  }
  return toTagged((await q.select(withTagsColumns()).execute()) as TaggedRow[])
}

export function companyListSpec(customTypes: ReadonlyMap<string, CustomFieldType>): ListSpec {
  const f = (
    col: string,
    type: ListSpec['fields'][string]['type'],
    extra: Partial<ListSpec['fields'][string]> = {},
  ) => ({
    expr: sql.ref(`c.${col}`),
    type,
    isSortable: true,
    ...extra,
  })
  return {
    idExpr: sql.ref('c.id'),
    customExpr: sql.ref('c.custom'),
    searchTextExpr: sql.ref('c.search_text'),
    searchVectorExpr: sql.ref('c.search_vector'),
    namePrefixExpr: sql`lower(c.name)`,
    customTypes,
    defaultSort: '-updatedAt',
    fields: {
      id: f('id', 'uuid', { isNotNull: true }),
      name: f(columns.name, 'text', { isNotNull: true }),
      businessId: f(columns.businessId, 'text'),
      vatId: f(columns.vatId, 'text'),
      domain: f(columns.domain, 'text'),
      industry: f(columns.industry, 'text'),
      size: f(columns.size, 'text'),
      tier: f(columns.tier, 'text'),
      lifecycleStage: f(columns.lifecycleStage, 'text'),
      ownerId: f(columns.ownerId, 'uuid'),
      parentId: f(columns.parentId, 'uuid'),
      city: { expr: sql`(c.addresses->0->>'city')`, type: 'text', isSortable: true },
      tags: {
        expr: sql`array(select t.tag_id::text from company_tags t where t.workspace_id = c.workspace_id and t.company_id = c.id)`,
        type: 'text[]',
      },
      createdAt: f('created_at', 'timestamp', { isNotNull: true }),
      updatedAt: f('updated_at', 'timestamp', { isNotNull: true }),
      deletedAt: f('deleted_at', 'timestamp'),
    },
  }
}

export async function listCompanyRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: Visibility,
  signal?: AbortSignal,
): Promise<{ data: Company[]; nextCursor: string | null }> {
  const page = await planPage(
    db,
    plan,
    visibilityConditions('c', 'owner_id', vis),
    (db) =>
      db
        .selectFrom('companies as c')
        .select(withTagsColumns())
        .where('c.workspace_id', '=', workspaceId),
    signal,
  )
  return { data: toTagged(page.rows as TaggedRow[]), nextCursor: page.nextCursor }
}

export function countCompanyRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: Visibility,
): Promise<number> {
  return planCount(
    db,
    plan,
    { name: 'companies', alias: 'c', workspaceId },
    visibilityConditions('c', 'owner_id', vis),
  )
}

export async function setDeletedAt(
  db: Db,
  workspaceId: string,
  ids: string[],
  deletedAt: Date | null,
): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('companies')
    .set({ deleted_at: deletedAt, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute()
}

/** True when making `parentId` the parent of `id` would put `id` above itself. */
export async function isAncestorOrSelf(
  db: Db,
  workspaceId: string,
  id: string,
  parentId: string,
): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from companies where workspace_id = ${workspaceId} and id = ${parentId}
      union all
      select c.id, c.parent_id, chain.depth + 1 from companies c
      join chain on c.workspace_id = ${workspaceId} and c.id = chain.parent_id
      where chain.depth < 100
    )
    select exists(select 1 from chain where id = ${id}) as found`.execute(db)
  return result.rows[0]?.found ?? false
}

export async function listSubsidiaryIds(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('companies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('parent_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .limit(500)
    .execute()
  return rows.map((r) => r.id)
}
