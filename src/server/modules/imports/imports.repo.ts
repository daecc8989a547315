import { sql, type Selectable } from 'kysely'
import {
  importProblemsLine,
  importProblemText,
  type ImportProblem,
} from '../../../shared/import-problems'
import type { Db } from '../../db/client'
import type { ImportRowsTable, ImportsTable } from '../../db/schema'

// SQL of imports, their per-row outcomes and mapping templates, plus the duplicate lookups the
// import job needs (by normalised email, phone, business ID, domain, name + city).

export type ImportRow = Selectable<ImportsTable>
export type ImportRowOutcome = Selectable<ImportRowsTable>

export async function insertImport(
  db: Db,
  v: Pick<
    ImportRow,
    | 'workspace_id'
    | 'id'
    | 'object_type'
    | 'filename'
    | 'format'
    | 'encoding'
    | 'delimiter'
    | 'sheet'
    | 'file_size'
    | 'rows_total'
    | 'created_by'
  > & {
    headers: string[]
    mapping: Record<string, string>
    sheets: string[]
    warnings: string[]
  },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      ...v,
      headers: JSON.stringify(v.headers),
      mapping: JSON.stringify(v.mapping),
      sheets: JSON.stringify(v.sheets),
      warnings: JSON.stringify(v.warnings),
    })
    .execute()
}

/** One piece of the uploaded file; parts are numbered from 0 in file order. */
export async function insertFilePart(
  db: Db,
  workspaceId: string,
  importId: string,
  part: number,
  data: Uint8Array,
): Promise<void> {
  await db
    .insertInto('import_file_parts')
    .values({ workspace_id: workspaceId, import_id: importId, part, data })
    .execute()
}

export async function loadFilePart(
  db: Db,
  workspaceId: string,
  importId: string,
  part: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('import_file_parts')
    .select('data')
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .where('part', '=', part)
    .executeTakeFirst()
  return row?.data
}

/** The import (polled every second for progress); its file is read part by part. */
export async function findImport(
  db: Db,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<ImportRow | undefined> {
  let q = db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export type ImportPatch = Partial<{
  encoding: string | null
  delimiter: string | null
  sheet: string | null
  headers: string[]
  mapping: Record<string, string>
  dedupe_rule: string
  match_action: string
  status: string
  rows_total: number
  rows_done: number
  created_count: number
  updated_count: number
  skipped_count: number
  failed_count: number
  last_error: string | null
  locked_until: Date | null
  started_at: Date | null
  finished_at: Date | null
  undone_at: Date | null
  sheets: string[]
  warnings: string[]
  flagged_count: number
  lease_owner: string | null
}>

export async function updateImport(db: Db, workspaceId: string, id: string, p: ImportPatch) {
  const { headers, mapping, sheets, warnings, ...rest } = p
  await db
    .updateTable('imports')
    .set({
      ...rest,
      ...(headers ? { headers: JSON.stringify(headers) } : {}),
      ...(mapping ? { mapping: JSON.stringify(mapping) } : {}),
      ...(sheets ? { sheets: JSON.stringify(sheets) } : {}),
      ...(warnings ? { warnings: JSON.stringify(warnings) } : {}),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

// Each server process holds a session-level advisory lock named after its lease owner id for
// as long as it lives (PostgreSQL). When the process dies its connection closes and the lock
// goes with it, so another server can tell a dead owner from a live one at once.
const ownerLockSpace = 0x5e1d

/** Held by the live process on its own connection until that connection closes. */
export async function lockOwner(db: Db, owner: string): Promise<void> {
  await sql`select pg_advisory_lock(${ownerLockSpace}, hashtext(${owner}))`.execute(db)
}

/** True when no live session holds the owner's lock (call inside a transaction). */
async function ownerIsGone(db: Db, owner: string): Promise<boolean> {
  const r = await sql<{ gone: boolean }>`
    select pg_try_advisory_xact_lock(${ownerLockSpace}, hashtext(${owner})) as gone`.execute(db)
  return r.rows[0]?.gone === true
}

/**
 * Takes one queued or running import for `owner`: one whose lease is free or ran out, or whose
 * owner is not this process and is gone (`checkOwner`: on PostgreSQL by its advisory lock; the
 * embedded database has one process, so any other owner is gone). Others skip it while locked.
 */
export async function claimImport(
  db: Db,
  owner: string,
  leaseMs: number,
  checkOwner: 'advisory-lock' | 'single-process',
): Promise<{ workspace_id: string; id: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('imports')
      .select(['workspace_id', 'id', 'locked_until', 'lease_owner'])
      .where('status', 'in', ['queued', 'running'])
      .where((eb) =>
        eb.or([
          eb('locked_until', 'is', null),
          eb('locked_until', '<', new Date()),
          eb('lease_owner', 'is', null),
          eb('lease_owner', '!=', owner),
        ]),
      )
      .orderBy('created_at')
      .limit(20)
      .forUpdate()
      .skipLocked()
      .execute()
    for (const row of rows) {
      const isFree =
        !row.locked_until || row.locked_until.getTime() < Date.now() || !row.lease_owner
      const isTaken =
        !isFree &&
        (row.lease_owner === owner ||
          (checkOwner === 'advisory-lock' && !(await ownerIsGone(trx, row.lease_owner ?? ''))))
      if (isTaken) continue
      await trx
        .updateTable('imports')
        .set({
          status: 'running',
          locked_until: new Date(Date.now() + leaseMs),
          lease_owner: owner,
        })
        .where('workspace_id', '=', row.workspace_id)
        .where('id', '=', row.id)
        .execute()
      return { workspace_id: row.workspace_id, id: row.id }
    }
    return undefined
  })
}

export type NewOutcome = {
  rowNumber: number
  raw: string[]
  outcome: 'created' | 'updated' | 'skipped' | 'failed'
  objectType: string | null
  recordId: string | null
  companyId: string | null
  companyCreated: boolean
  oldValues: Record<string, unknown> | null
  /** Why the row failed (stored as codes in `problems`, as English text in `error`). */
  error: ImportProblem[] | null
  /** Why a row was skipped other than as a duplicate, e.g. a previously erased person. */
  reason?: ImportProblem | null
  /** Tags this row added to a record the import did not create (undo removes them). */
  addedTagIds?: string[] | null
  /** The row linked a contact the import did not create to a company (undo unlinks it). */
  linkAdded?: boolean
}

/** A chunk's outcomes in one statement. Only failed rows keep their cells (the failed-rows CSV). */
export async function insertOutcomes(
  db: Db,
  workspaceId: string,
  importId: string,
  rows: NewOutcome[],
) {
  if (rows.length === 0) return
  const data = rows.map((r) => ({
    n: r.rowNumber,
    raw: r.outcome === 'failed' ? r.raw : [],
    o: r.outcome,
    t: r.objectType,
    r: r.recordId,
    c: r.companyId,
    cc: r.companyCreated,
    ov: r.oldValues,
    // The English text too: what a reader of the row without the codes (an older version,
    // SQL by hand) shows, as before.
    e: r.error ? importProblemsLine(r.error, 'en') : null,
    why: r.reason ? importProblemText(r.reason, 'en') : null,
    p: r.error ?? (r.reason ? [r.reason] : null),
    tags: r.addedTagIds?.length ? r.addedTagIds : null,
    la: r.linkAdded === true,
  }))
  await sql`
    insert into import_rows (workspace_id, import_id, row_number, raw, outcome, object_type,
      record_id, company_id, company_created, old_values, error, reason, problems, added_tag_ids,
      link_added)
    select ${workspaceId}::uuid, ${importId}::uuid, n, raw, o, t, r, c, cc, ov, e, why, p,
      (select array_agg(x::uuid) from jsonb_array_elements_text(tags) x), la
    from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as x(n int, raw jsonb, o text, t text,
      r uuid, c uuid, cc boolean, ov jsonb, e text, why text, p jsonb, tags jsonb, la boolean)`.execute(
    db,
  )
}

export async function listOutcomes(
  db: Db,
  workspaceId: string,
  importId: string,
  outcome?: string,
  limit = 100_000,
): Promise<ImportRowOutcome[]> {
  let q = db
    .selectFrom('import_rows')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
  if (outcome) q = q.where('outcome', '=', outcome)
  return q.orderBy('row_number').limit(limit).execute()
}

/** Skipped rows with a reason (previously erased people), for the report. */
export async function listFlagged(db: Db, workspaceId: string, importId: string, limit: number) {
  return db
    .selectFrom('import_rows')
    .select(['row_number', 'reason', 'problems'])
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .where('reason', 'is not', null)
    .orderBy('row_number')
    .limit(limit)
    .execute()
}

/** Updated rows with their old values, last first, a page at a time (undo restores them). */
export async function listUpdatedPage(
  db: Db,
  workspaceId: string,
  importId: string,
  beforeRow: number,
  limit: number,
): Promise<ImportRowOutcome[]> {
  return db
    .selectFrom('import_rows')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .where('outcome', '=', 'updated')
    .where('row_number', '<', beforeRow)
    .orderBy('row_number', 'desc')
    .limit(limit)
    .execute()
}

/**
 * Undo's deletes, set-based whatever the size of the import: tags and company links the rows
 * added to records they did not create, then the contacts and companies the import created
 * (their own links and tag links go with them), then the tags it created that nothing uses now.
 */
export async function deleteImported(db: Db, workspaceId: string, importId: string) {
  const mine = sql`r.workspace_id = ${workspaceId} and r.import_id = ${importId}`
  await sql`
    delete from contact_tags l using import_rows r
    where ${mine} and r.object_type = 'contact' and r.added_tag_ids is not null
      and l.workspace_id = r.workspace_id and l.contact_id = r.record_id
      and l.tag_id = any(r.added_tag_ids)`.execute(db)
  await sql`
    delete from company_tags l using import_rows r
    where ${mine} and r.object_type = 'company' and r.added_tag_ids is not null
      and l.workspace_id = r.workspace_id and l.company_id = r.record_id
      and l.tag_id = any(r.added_tag_ids)`.execute(db)
  await sql`
    delete from contact_companies l using import_rows r
    where ${mine} and r.link_added
      and l.workspace_id = r.workspace_id and l.contact_id = r.record_id
      and l.company_id = r.company_id`.execute(db)
  const contacts = await sql`
    delete from contacts c using import_rows r
    where ${mine} and r.outcome = 'created' and r.object_type = 'contact'
      and c.workspace_id = r.workspace_id and c.id = r.record_id`.execute(db)
  const companies = await sql`
    delete from companies c
    where c.workspace_id = ${workspaceId} and c.id in (
      select r.record_id from import_rows r
      where ${mine} and r.outcome = 'created' and r.object_type = 'company'
      union
      select r.company_id from import_rows r where ${mine} and r.company_created)`.execute(db)
  await sql`
    delete from tags t using imports i
    where i.workspace_id = ${workspaceId} and i.id = ${importId}
      and t.workspace_id = i.workspace_id and t.id = any(i.created_tag_ids)
      and not exists (select 1 from contact_tags l where l.workspace_id = t.workspace_id and l.tag_id = t.id)
      and not exists (select 1 from company_tags l where l.workspace_id = t.workspace_id and l.tag_id = t.id)`.execute(
    db,
  )
  return Number(contacts.numAffectedRows ?? 0) + Number(companies.numAffectedRows ?? 0)
}

/** Tags made by a chunk, remembered on the import for undo. */
export async function addCreatedTags(db: Db, workspaceId: string, importId: string, ids: string[]) {
  if (ids.length === 0) return
  await sql`update imports set created_tag_ids = created_tag_ids || ${ids}::uuid[]
    where workspace_id = ${workspaceId} and id = ${importId}`.execute(db)
}

export async function findContactIdBy(
  db: Db,
  workspaceId: string,
  m: {
    email?: string
    phone?: string
    firstName?: string | null
    lastName?: string | null
    city?: string
  },
): Promise<string | undefined> {
  let q = db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
  if (m.email) q = q.where(sql<boolean>`emails @> ${JSON.stringify([{ address: m.email }])}::jsonb`)
  else if (m.phone)
    q = q.where(sql<boolean>`phones @> ${JSON.stringify([{ number: m.phone }])}::jsonb`)
  else if (m.city && (m.firstName || m.lastName))
    q = q
      .where(sql<boolean>`lower(coalesce(first_name, '')) = lower(${m.firstName ?? ''})`)
      .where(sql<boolean>`lower(coalesce(last_name, '')) = lower(${m.lastName ?? ''})`)
      .where(sql<boolean>`lower(address->>'city') = lower(${m.city})`)
  else return undefined
  return (await q.orderBy('created_at').limit(1).executeTakeFirst())?.id
}

export async function findCompanyIdBy(
  db: Db,
  workspaceId: string,
  m: { businessId?: string; domain?: string; name?: string; city?: string },
): Promise<string | undefined> {
  let q = db
    .selectFrom('companies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
  if (m.businessId) q = q.where('business_id', '=', m.businessId)
  else if (m.domain) q = q.where('domain', '=', m.domain)
  else if (m.name && m.city)
    q = q
      .where(sql<boolean>`lower(name) = lower(${m.name})`)
      .where(
        sql<boolean>`exists (select 1 from jsonb_array_elements(addresses) a where lower(a->>'city') = lower(${m.city}))`,
      )
  else if (m.name) q = q.where(sql<boolean>`lower(name) = lower(${m.name})`)
  else return undefined
  return (await q.orderBy('created_at').limit(1).executeTakeFirst())?.id
}

export async function insertTemplate(
  db: Db,
  v: {
    workspaceId: string
    id: string
    name: string
    objectType: string
    mapping: Record<string, string>
    createdBy: string
  },
) {
  await db
    .insertInto('import_mapping_templates')
    .values({
      workspace_id: v.workspaceId,
      id: v.id,
      name: v.name,
      object_type: v.objectType,
      mapping: JSON.stringify(v.mapping),
      created_by: v.createdBy,
    })
    .onConflict((oc) =>
      oc
        .expression(sql`workspace_id, lower(name)`)
        .doUpdateSet({ mapping: sql`excluded.mapping`, object_type: sql`excluded.object_type` }),
    )
    .execute()
}

export async function listTemplates(db: Db, workspaceId: string) {
  return db
    .selectFrom('import_mapping_templates')
    .select(['id', 'name', 'object_type', 'mapping', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute()
}

/**
 * Contact ids by normalised email or E.164 phone through the GIN indexes. Each key is one index
 * probe and PostgreSQL plans a long key list as a sequential scan, so keys go 50 at a time; the
 * import asks here only for the few keys its in-memory index cannot answer (import-keys.ts).
 */
export async function findContactIdsByKeys(
  db: Db,
  workspaceId: string,
  kind: 'email' | 'phone',
  keys: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const column = kind === 'email' ? 'emails' : 'phones'
  const prop = kind === 'email' ? 'address' : 'number'
  for (let i = 0; i < keys.length; i += 50) {
    const some = keys.slice(i, i + 50)
    const rows = await sql<{ id: string; key: string }>`
      select c.id, e.value->>${prop} as key
      from contacts c cross join lateral jsonb_array_elements(c.${sql.raw(column)}) e
      where c.workspace_id = ${workspaceId} and c.deleted_at is null
        and c.${sql.raw(column)} @> any(${some.map((k) => JSON.stringify([{ [prop]: k }]))}::jsonb[])
        and e.value->>${prop} = any(${some}::text[])
      order by c.created_at`.execute(db)
    for (const r of rows.rows) if (!out.has(r.key)) out.set(r.key, r.id)
  }
  return out
}

/** Live companies by business ID or lowercased name, for a whole chunk in one query. */
export async function findCompanyIdsByKeys(
  db: Db,
  workspaceId: string,
  businessIds: string[],
  names: string[],
): Promise<{ byBusinessId: Map<string, string>; byName: Map<string, string> }> {
  const byBusinessId = new Map<string, string>()
  const byName = new Map<string, string>()
  if (businessIds.length + names.length === 0) return { byBusinessId, byName }
  const rows = await sql<{ id: string; business_id: string | null; lname: string }>`
    select id, business_id, lower(name) as lname from companies
    where workspace_id = ${workspaceId} and deleted_at is null
      and (business_id = any(${businessIds}::text[]) or lower(name) = any(${names}::text[]))
    order by created_at`.execute(db)
  for (const r of rows.rows) {
    if (r.business_id && !byBusinessId.has(r.business_id)) byBusinessId.set(r.business_id, r.id)
    if (!byName.has(r.lname)) byName.set(r.lname, r.id)
  }
  return { byBusinessId, byName }
}

/** Tag ids by lowercased name, for a whole chunk in one query. */
export async function findTagIdsByNames(
  db: Db,
  workspaceId: string,
  names: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (names.length === 0) return out
  const rows = await sql<{ id: string; lname: string }>`
    select id, lower(name) as lname from tags
    where workspace_id = ${workspaceId} and lower(name) = any(${names}::text[])`.execute(db)
  for (const r of rows.rows) out.set(r.lname, r.id)
  return out
}

/** Member ids by lowercased email, for the owner column of a whole chunk in one query. */
export async function findMemberIdsByEmails(
  db: Db,
  workspaceId: string,
  emails: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (emails.length === 0) return out
  const rows = await sql<{ id: string; email: string }>`
    select u.id, lower(u.email) as email from users u
    join memberships m on m.user_id = u.id
    where m.workspace_id = ${workspaceId} and lower(u.email) = any(${emails}::text[])`.execute(db)
  for (const r of rows.rows) out.set(r.email, r.id)
  return out
}

/** The `record:tag` pairs among these records and tags that are linked already. */
export async function findTagLinks(
  db: Db,
  object: 'contact' | 'company',
  workspaceId: string,
  recordIds: string[],
  tagIds: string[],
): Promise<Set<string>> {
  const out = new Set<string>()
  if (recordIds.length === 0 || tagIds.length === 0) return out
  const table = sql.table(object === 'contact' ? 'contact_tags' : 'company_tags')
  const column = sql.ref(object === 'contact' ? 'contact_id' : 'company_id')
  const rows = await sql<{ r: string; t: string }>`
    select ${column} as r, tag_id as t from ${table}
    where workspace_id = ${workspaceId} and ${column} = any(${recordIds}::uuid[])
      and tag_id = any(${tagIds}::uuid[])`.execute(db)
  for (const x of rows.rows) out.add(`${x.r}:${x.t}`)
  return out
}

/** The `contact:company` pairs among these contacts that are linked already. */
export async function findCompanyLinks(
  db: Db,
  workspaceId: string,
  contactIds: string[],
): Promise<Set<string>> {
  const out = new Set<string>()
  if (contactIds.length === 0) return out
  const rows = await sql<{ a: string; b: string }>`
    select contact_id as a, company_id as b from contact_companies
    where workspace_id = ${workspaceId} and contact_id = any(${contactIds}::uuid[])`.execute(db)
  for (const x of rows.rows) out.add(`${x.a}:${x.b}`)
  return out
}

type KeyRow = { id: string; keys: string[] | null }

function keysOf(kind: 'email' | 'phone') {
  return kind === 'email'
    ? sql<string[]>`(select array_agg(e->>'address') from jsonb_array_elements(c.emails) e)`
    : sql<string[]>`(select array_agg(e->>'number') from jsonb_array_elements(c.phones) e)`
}

/** Live contacts' emails or phones, a page at a time in id order (the import's key index). */
export async function listContactKeysPage(
  db: Db,
  workspaceId: string,
  kind: 'email' | 'phone',
  afterId: string | null,
  limit: number,
): Promise<KeyRow[]> {
  const after = afterId ? sql`and c.id > ${afterId}` : sql``
  const rows = await sql<KeyRow>`
    select c.id, ${keysOf(kind)} as keys from contacts c
    where c.workspace_id = ${workspaceId} and c.deleted_at is null ${after}
    order by c.id limit ${limit}`.execute(db)
  return rows.rows
}

/** The transaction's timestamp (what now() stamps its rows with), in microseconds. */
export async function transactionMicros(db: Db): Promise<bigint> {
  const r = await sql<{ t: string }>`
    select (extract(epoch from now()) * 1000000)::bigint::text as t`.execute(db)
  return BigInt(r.rows[0]?.t ?? '0')
}

/**
 * Contacts changed since a time, with their emails or phones, leaving out those stamped with
 * one of the `skip` times (the import's own chunks): the ranges between those times are read
 * from the updated_at index, so the import's own rows are never fetched. Also answers the
 * transaction's time, which stamps the rows the caller writes next.
 */
export async function listContactKeysSince(
  db: Db,
  workspaceId: string,
  kind: 'email' | 'phone',
  sinceMicros: bigint,
  skipMicros: bigint[],
): Promise<{ now: bigint; rows: KeyRow[] }> {
  const at = (us: bigint) =>
    sql`(timestamptz 'epoch' + ${us.toString()}::bigint * interval '1 microsecond')`
  const cuts = [...new Set(skipMicros.filter((t) => t >= sinceMicros))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  )
  const ranges = [sql`c.updated_at >= ${at(sinceMicros)}`]
  for (const [i, t] of cuts.entries()) {
    ranges[i] = sql`${ranges[i]} and c.updated_at < ${at(t)}`
    ranges.push(sql`c.updated_at > ${at(t)}`)
  }
  // One range scan per gap: as a single OR the planner reads the whole window with a filter,
  // the import's own rows included.
  const scans = ranges.map(
    (range) => sql`select c.id, ${keysOf(kind)} as keys from contacts c
      where c.workspace_id = ${workspaceId} and c.deleted_at is null and ${range}`,
  )
  const r = await sql<{ now: string; rows: KeyRow[] }>`
    select (extract(epoch from now()) * 1000000)::bigint::text as now,
      coalesce((select json_agg(x) from (${sql.join(scans, sql` union all `)}) x), '[]') as rows`.execute(
    db,
  )
  return { now: BigInt(r.rows[0]?.now ?? '0'), rows: r.rows[0]?.rows ?? [] }
}

/** The planner's row count of a table (−1 before its first ANALYZE). */
export async function plannedRows(db: Db, table: 'contacts' | 'companies'): Promise<number> {
  const r = await sql<{ n: number }>`
    select reltuples::float8 as n from pg_class where oid = ${table}::regclass`.execute(db)
  return Number(r.rows[0]?.n ?? -1)
}

/**
 * Fresh planner statistics of a table an import is growing. Without them the planner takes a
 * 1M-row table for an empty one and reads the key lookups' 100 ids through the whole last-name
 * index (docs/decisions.md); PGlite has no autovacuum to do it at all.
 */
export async function analyzeTable(db: Db, table: 'contacts' | 'companies'): Promise<void> {
  // Only the columns the lookups filter on: the statistics of the text-search and jsonb columns
  // take most of a whole-table ANALYZE, and autovacuum makes those later.
  if (table === 'contacts')
    await sql`analyze contacts (workspace_id, id, updated_at, deleted_at)`.execute(db)
  else await sql`analyze companies`.execute(db)
}

/**
 * For the rest of a chunk's transaction: no sequential scans. A bulk import writes faster than
 * statistics follow (PGlite has no autovacuum at all), and without them the planner reads a
 * growing contacts table whole for lookups that its indexes answer at once.
 */
export async function preferIndexScans(db: Db): Promise<void> {
  await sql`set local enable_seqscan = off`.execute(db)
}

/** The emails or phones of live contacts by id (checks what the key index suggests). */
export async function findContactKeys(
  db: Db,
  workspaceId: string,
  kind: 'email' | 'phone',
  ids: string[],
): Promise<KeyRow[]> {
  if (ids.length === 0) return []
  const rows = await sql<KeyRow>`
    select c.id, ${keysOf(kind)} as keys from contacts c
    where c.workspace_id = ${workspaceId} and c.id = any(${ids}::uuid[]) and c.deleted_at is null`.execute(
    db,
  )
  return rows.rows
}
