import { sql, type Selectable } from 'kysely'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { Contact, ContactSource } from '../../../shared/contacts.schema'
import type { Db } from '../../db/client'
import { planCount, planPage } from '../../db/paged'
import { visibilityConditions, type PlannedList, type Visibility } from '../../db/list-query'
import type { ContactsTable } from '../../db/schema'
import { loadTagsFor } from '../tags/tag-links.repo'
import { loadCompanyLinks, type LinkedCompany } from './contact-companies.repo'

type Row = Omit<Selectable<ContactsTable>, 'search_text'>

// What reads return: every column but search_text and the generated search_vector, which only
// searching reads and which are the widest columns of the table.
const aliasedColumns = [
  'c.workspace_id',
  'c.id',
  'c.first_name',
  'c.last_name',
  'c.emails',
  'c.phones',
  'c.title',
  'c.language',
  'c.birth_date',
  'c.gender',
  'c.interests',
  'c.address',
  'c.lifecycle_stage',
  'c.owner_id',
  'c.source',
  'c.custom',
  'c.created_by',
  'c.created_at',
  'c.updated_at',
  'c.deleted_at',
] as const

/** The stored, normalised values of a contact (no tags or company links). */
export type ContactValues = {
  firstName: string | null
  lastName: string | null
  emails: Contact['emails']
  phones: Contact['phones']
  title: string | null
  language: string | null
  birthDate: string | null
  gender: string | null
  interests: string[]
  address: Contact['address']
  lifecycleStage: string | null
  ownerId: string | null
  source: ContactSource
  custom: Record<string, unknown>
}

/** Digits of the national form, e.g. 0401234567 for +358401234567, so q finds either. */
function nationalDigits(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164)
  return parsed ? parsed.formatNational().replace(/\D/g, '') : null
}

export /** `hämäläinen` also as `hamalainen`: people often type Finnish names without the dots. */
function folded(s: string | null): string | null {
  const plain = s?.normalize('NFD').replace(/\p{Diacritic}/gu, '')
  return plain && plain !== s ? plain : null
}

// Exported for the demo generator, which must fill search_text exactly as this repo does.
export function searchText(v: ContactValues): string {
  const phones = v.phones.flatMap((p) => [p.number, nationalDigits(p.number)])
  const names = [v.firstName, v.lastName]
  return [...names, ...names.map(folded), ...v.emails.map((e) => e.address), ...phones, v.title]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
}

function toRow(workspaceId: string, id: string, v: ContactValues, createdBy: string | null) {
  return {
    workspace_id: workspaceId,
    id,
    first_name: v.firstName,
    last_name: v.lastName,
    emails: JSON.stringify(v.emails),
    phones: JSON.stringify(v.phones),
    title: v.title,
    language: v.language,
    birth_date: v.birthDate,
    gender: v.gender,
    interests: v.interests,
    address: v.address ? JSON.stringify(v.address) : null,
    lifecycle_stage: v.lifecycleStage,
    owner_id: v.ownerId,
    source: JSON.stringify(v.source),
    custom: JSON.stringify(v.custom),
    search_text: searchText(v),
    created_by: createdBy,
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** Reads the source jsonb into the full API shape: every key present, missing ones null. */
export function toSource(raw: Record<string, unknown> | null | undefined): ContactSource {
  const s = raw ?? {}
  const utm = (typeof s.utm === 'object' && s.utm !== null ? s.utm : {}) as Record<string, unknown>
  return {
    channel: str(s.channel),
    campaign: str(s.campaign),
    utm: {
      source: str(utm.source),
      medium: str(utm.medium),
      campaign: str(utm.campaign),
      term: str(utm.term),
      content: str(utm.content),
    },
    referrer: str(s.referrer),
    keyword: str(s.keyword),
  }
}

export function toContact(r: Row, tags: Contact['tags'], companies: LinkedCompany[]): Contact {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    emails: r.emails.map((e) => ({
      address: e.address,
      label: e.label ?? null,
      primary: e.primary ?? false,
    })),
    phones: r.phones.map((p) => ({ number: p.number, label: p.label ?? null })),
    title: r.title,
    language: r.language,
    birthDate: r.birth_date,
    gender: r.gender,
    interests: r.interests,
    address: r.address,
    lifecycleStage: r.lifecycle_stage as Contact['lifecycleStage'],
    ownerId: r.owner_id,
    source: toSource(r.source),
    companies,
    tags,
    custom: r.custom,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
  }
}

export function valuesOf(c: Contact): ContactValues {
  const { id: _i, companies: _c, tags: _t, createdAt: _a, updatedAt: _u, deletedAt: _d, ...v } = c
  return v
}

async function withLinks(db: Db, workspaceId: string, rows: Row[]): Promise<Contact[]> {
  const ids = rows.map((r) => r.id)
  const [tags, companies] = await Promise.all([
    loadTagsFor(db, 'contact', workspaceId, ids),
    loadCompanyLinks(db, workspaceId, ids),
  ])
  return rows.map((r) => toContact(r, tags.get(r.id) ?? [], companies.get(r.id) ?? []))
}

export async function insertContacts(
  db: Db,
  workspaceId: string,
  records: { id: string; values: ContactValues }[],
  createdBy: string | null,
): Promise<void> {
  // 1,000 rows x 18 columns stays far below PostgreSQL's 65,535 parameters per statement.
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records
      .slice(i, i + 1000)
      .map((r) => toRow(workspaceId, r.id, r.values, createdBy))
    await db.insertInto('contacts').values(chunk).execute()
  }
}

export async function updateContactRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: ContactValues,
): Promise<void> {
  const { workspace_id: _w, id: _id, created_by: _c, ...row } = toRow(workspaceId, id, v, null)
  await db
    .updateTable('contacts')
    .set({ ...row, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function findContacts(
  db: Db,
  workspaceId: string,
  ids: string[],
  vis: Visibility,
  forUpdate = false,
): Promise<Contact[]> {
  if (ids.length === 0) return []
  let q = db
    .selectFrom('contacts as c')
    .select(aliasedColumns)
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', ids)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  if (forUpdate) q = q.forUpdate()
  const rows = await q.execute()
  // Keep the callers' order; `in` does not.
  const byId = new Map((await withLinks(db, workspaceId, rows)).map((c) => [c.id, c]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function listContactRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: Visibility,
): Promise<{ data: Contact[]; nextCursor: string | null }> {
  const page = await planPage(db, plan, visibilityConditions('c', 'owner_id', vis), (db) =>
    db.selectFrom('contacts as c').select(aliasedColumns).where('c.workspace_id', '=', workspaceId),
  )
  return { data: await withLinks(db, workspaceId, page.rows), nextCursor: page.nextCursor }
}

export function countContactRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: Visibility,
): Promise<number> {
  return planCount(
    db,
    plan,
    { name: 'contacts', alias: 'c', workspaceId },
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
    .updateTable('contacts')
    .set({ deleted_at: deletedAt, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute()
}

/** Live contacts that have the (normalised) email or phone; both lookups use the GIN indexes. */
export async function findContactsByEmailOrPhone(
  db: Db,
  workspaceId: string,
  match: { email?: string; phone?: string },
  vis: Visibility,
): Promise<Contact[]> {
  const or = [
    ...(match.email ? [sql`c.emails @> ${JSON.stringify([{ address: match.email }])}::jsonb`] : []),
    ...(match.phone ? [sql`c.phones @> ${JSON.stringify([{ number: match.phone }])}::jsonb`] : []),
  ]
  if (or.length === 0) return []
  let q = db
    .selectFrom('contacts as c')
    .select(aliasedColumns)
    .where('c.workspace_id', '=', workspaceId)
    .where(sql`(${sql.join(or, sql` or `)})` as never)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  const rows = await q.orderBy('c.updated_at', 'desc').limit(20).execute()
  return withLinks(db, workspaceId, rows)
}
