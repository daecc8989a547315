import { sql, type Compilable, type RawBuilder, type Selectable } from 'kysely'
import type { Contact, ContactSource } from '../../../shared/contacts.schema'
import type { Db } from '../../db/client'
import { planCount, planPage } from '../../db/paged'
import { phoneForms } from '../../../shared/validators'
import { visibilityConditions, type PlannedList, type Visibility } from '../../db/list-query'
import type { ContactsTable } from '../../db/schema'
import { auditInsertSql, type NewAuditEntry } from '../audit/audit.repo'
import { tagsJson, type TagRef } from '../tags/tag-links.repo'
import { companyLinksJson, type LinkedCompany } from './contact-companies.repo'

type StoredRow = Omit<Selectable<ContactsTable>, 'search_text'>
type Row = StoredRow & { tags: TagRef[]; companies: LinkedCompany[] }

// What reads return: every column but search_text and the generated search_vector, which only
// searching reads and which are the widest columns of the table.
const storedColumns = [
  'workspace_id',
  'id',
  'first_name',
  'last_name',
  'emails',
  'phones',
  'title',
  'language',
  'birth_date',
  'gender',
  'interests',
  'address',
  'lifecycle_stage',
  'owner_id',
  'source',
  'custom',
  'created_by',
  'created_at',
  'updated_at',
  'deleted_at',
  'erased_at',
] as const
const aliasedColumns = storedColumns.map((c) => `c.${c}` as const)
/** The stored columns a read returns, on alias `c` (the export adds tags and links per page). */
export const storedContactColumns = aliasedColumns

// The tags and company links ride along as json subselects: a read is one statement.
const readColumns = () => [
  ...aliasedColumns,
  tagsJson('contact', 'c').as('tags'),
  companyLinksJson('c').as('companies'),
]

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

export /** `hämäläinen` also as `hamalainen`: people often type Finnish names without the dots. */
function folded(s: string | null): string | null {
  const plain = s?.normalize('NFD').replace(/\p{Diacritic}/gu, '')
  return plain && plain !== s ? plain : null
}

// Exported for the demo generator, which must fill search_text exactly as this repo does.
export function searchText(v: ContactValues): string {
  // The national digits too (0401234567 for +358401234567), so q finds either.
  const phones = v.phones.flatMap((p) => [p.number, phoneForms(p.number).nationalDigits])
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

export function toContact(r: Row): Contact {
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
    companies: r.companies,
    tags: r.tags,
    custom: r.custom,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
    erasedAt: r.erased_at ? r.erased_at.toISOString() : null,
  }
}

export function valuesOf(c: Contact): ContactValues {
  const {
    id: _i,
    companies: _c,
    tags: _t,
    createdAt: _a,
    updatedAt: _u,
    deletedAt: _d,
    ...rest
  } = c
  // Erasure is not a value anyone edits, imports or merges.
  const { erasedAt: _e, ...v } = rest
  return v
}

/**
 * Statements that go with a write as data-modifying CTEs of its statement (its timeline events
 * and audit entries), written only when `when` holds: one round trip, atomic on its own.
 */
export type Alongside = (when: RawBuilder<unknown>) => RawBuilder<unknown>[]

/** Runs a write that returns the stored columns, with the statements that go with it. */
async function writeWith(
  db: Db,
  write: Compilable<StoredRow> | RawBuilder<StoredRow>,
  alongside: RawBuilder<unknown>[],
): Promise<StoredRow[]> {
  if (alongside.length === 0)
    return 'isRawBuilder' in write
      ? (await write.execute(db)).rows
      : (await db.executeQuery(write.compile())).rows
  const ctes = alongside.map((q, i) => sql`${sql.id(`with_${i}`)} as (${q})`)
  const result = await sql<StoredRow>`
    with written as (${write}), ${sql.join(ctes)}
    select * from written`.execute(db)
  return result.rows
}

const written = sql`exists (select 1 from written)`

/**
 * Inserts contacts. With `alongside` (the API's create), each chunk's insert carries that
 * chunk's history as CTEs — a create of up to 1,000 is one statement — and the contacts come
 * back as stored, without tags or company links (the caller adds those). Without it (imports,
 * lead conversion) the rows are only written and nothing is read back.
 */
export async function insertContacts(
  db: Db,
  workspaceId: string,
  records: { id: string; values: ContactValues }[],
  createdBy: string | null,
  alongside?: (ids: string[]) => Alongside,
): Promise<Contact[]> {
  const out: Contact[] = []
  // A statement holds 1,000: each chunk's history goes with it as CTEs.
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records.slice(i, i + 1000)
    const insert = contactsInsertSql(
      workspaceId,
      chunk.map((r) => contactRowJson(r.id, r.values, createdBy)),
    )
    if (!alongside) {
      await insert.execute(db)
      continue
    }
    const stored = sql<StoredRow>`${insert} returning ${sql.join(storedColumns.map((c) => sql.ref(c)))}`
    const rows = await writeWith(db, stored, alongside(chunk.map((r) => r.id))(written))
    const byId = new Map(rows.map((r) => [r.id, r]))
    for (const r of chunk) {
      const row = byId.get(r.id)
      if (row) out.push(toContact({ ...row, tags: [], companies: [] }))
    }
  }
  return out
}

/**
 * Stores a contact's new values; returns the stored row, or undefined when it is gone — or,
 * with `version`, when the row was written since it was read at that version (its xmin).
 */
export async function updateContactRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: ContactValues,
  alongside?: Alongside,
  version?: string,
): Promise<StoredRow | undefined> {
  const { workspace_id: _w, id: _id, created_by: _c, ...row } = toRow(workspaceId, id, v, null)
  let update = db
    .updateTable('contacts')
    .set({ ...row, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
  if (version !== undefined) update = update.where(sql<boolean>`xmin = ${version}::xid`)
  const returning = update.returning(storedColumns)
  const [stored] = await writeWith(db, returning, alongside?.(written) ?? [])
  return stored
}

/**
 * One contact the actor may see, with the version of its row (xmin, which every write to the
 * row changes) for a version-guarded update (updateContactRow).
 */
export async function findContactVersion(
  db: Db,
  workspaceId: string,
  id: string,
  vis: Visibility,
): Promise<{ contact: Contact; version: string } | undefined> {
  let q = db
    .selectFrom('contacts as c')
    .select([...readColumns(), sql<string>`c.xmin::text`.as('version')])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', id)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  const row = (await q.executeTakeFirst()) as (Row & { version: string }) | undefined
  return row && { contact: toContact(row), version: row.version }
}

/** A stored row as the API shape, with the tags and company links it is known to have. */
export function withLinks(row: StoredRow, links: Pick<Contact, 'tags' | 'companies'>): Contact {
  return toContact({ ...row, tags: links.tags, companies: links.companies })
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
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', ids)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  if (forUpdate) {
    // Lock first, then read: subselects in a locking statement would see the tags and links
    // as they were before the lock was granted, not what the transaction it waited for wrote.
    const locked = (await q.select('c.id').forUpdate().execute()).map((r) => r.id)
    if (locked.length === 0) return []
    const found = await findContacts(db, workspaceId, locked, {
      ownerIds: null,
      includeDeleted: true,
    })
    const byId = new Map(found.map((c) => [c.id, c]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }
  const rows = (await q.select(readColumns()).execute()) as Row[]
  // Keep the callers' order; `in` does not.
  const byId = new Map(rows.map((r) => [r.id, toContact(r)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/**
 * One contact the actor may see, and the audit entry of reading it, in one statement: the
 * entry is written by a data-modifying CTE only when the contact was found.
 */
export async function readContact(
  db: Db,
  workspaceId: string,
  id: string,
  vis: Visibility,
  auditEntry: NewAuditEntry,
): Promise<Contact | undefined> {
  let q = db
    .selectFrom('contacts as c')
    .select(readColumns())
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', id)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  const result = await sql<Row>`
    with found as (${q}), audited as (${auditInsertSql(auditEntry, sql`exists (select 1 from found)`)})
    select * from found`.execute(db)
  const row = result.rows[0]
  return row && toContact(row)
}

export async function listContactRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: Visibility,
  signal?: AbortSignal,
): Promise<{ data: Contact[]; nextCursor: string | null }> {
  const page = await planPage(
    db,
    plan,
    visibilityConditions('c', 'owner_id', vis),
    (db) =>
      db
        .selectFrom('contacts as c')
        .select(readColumns())
        .where('c.workspace_id', '=', workspaceId),
    signal,
  )
  return { data: (page.rows as Row[]).map(toContact), nextCursor: page.nextCursor }
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
    .select(readColumns())
    .where('c.workspace_id', '=', workspaceId)
    .where(sql`(${sql.join(or, sql` or `)})` as never)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  const rows = (await q.orderBy('c.updated_at', 'desc').limit(20).execute()) as Row[]
  return rows.map(toContact)
}

/**
 * One contact as a JSON object for the jsonb insert (contactsInsertSql), with the same columns
 * as toRow. Pure, so a bulk writer (imports) can build its rows before it opens its transaction.
 */
export function contactRowJson(id: string, v: ContactValues, createdBy: string | null): string {
  return JSON.stringify({
    id,
    first_name: v.firstName,
    last_name: v.lastName,
    emails: v.emails,
    phones: v.phones,
    title: v.title,
    language: v.language,
    birth_date: v.birthDate,
    gender: v.gender,
    interests: v.interests,
    address: v.address,
    lifecycle_stage: v.lifecycleStage,
    owner_id: v.ownerId,
    source: v.source,
    custom: v.custom,
    search_text: searchText(v),
    created_by: createdBy,
  })
}

/**
 * Many contacts in one statement, unpacked from one jsonb array: one parameter however many
 * rows, so nothing to compile per row and one prepared statement for every size (a values list
 * of 1,000 rows × 18 parameters cost Node more than the database's insert of them).
 */
function contactsInsertSql(workspaceId: string, rows: string[]): RawBuilder<unknown> {
  return sql`
    insert into contacts (workspace_id, id, first_name, last_name, emails, phones, title,
      language, birth_date, gender, interests, address, lifecycle_stage, owner_id, source, custom,
      search_text, created_by)
    select ${workspaceId}::uuid, id, first_name, last_name, emails, phones, title, language,
      birth_date, gender, interests, address, lifecycle_stage, owner_id, source, custom,
      search_text, created_by
    from jsonb_to_recordset(${`[${rows.join(',')}]`}::jsonb) as x(id uuid, first_name text,
      last_name text, emails jsonb, phones jsonb, title text, language text, birth_date date,
      gender text, interests text[], address jsonb, lifecycle_stage text, owner_id uuid,
      source jsonb, custom jsonb, search_text text, created_by uuid)`
}

/** Contacts from contactRowJson rows, nothing returned (imports: thousands a chunk). */
export async function insertContactsJson(
  db: Db,
  workspaceId: string,
  rows: string[],
): Promise<void> {
  if (rows.length === 0) return
  await contactsInsertSql(workspaceId, rows).execute(db)
}
