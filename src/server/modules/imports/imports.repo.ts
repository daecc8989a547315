import { sql, type Selectable } from 'kysely'
import type { Db } from '../../db/client'
import type { ImportRowsTable, ImportsTable } from '../../db/schema'

// SQL of imports, their per-row outcomes and mapping templates, plus the duplicate lookups the
// import job needs (by normalised email, phone, business ID, domain, name + city).

export type ImportRow = Selectable<ImportsTable>
export type ImportRowOutcome = Selectable<ImportRowsTable>

export async function insertImport(
  db: Db,
  v: Omit<
    ImportRow,
    | 'created_at'
    | 'updated_at'
    | 'undo_until'
    | 'created_count'
    | 'updated_count'
    | 'skipped_count'
    | 'failed_count'
    | 'rows_done'
    | 'status'
    | 'dedupe_rule'
    | 'match_action'
    | 'last_error'
    | 'locked_until'
    | 'started_at'
    | 'finished_at'
    | 'undone_at'
    | 'headers'
    | 'mapping'
  > & { headers: string[]; mapping: Record<string, string> },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({ ...v, headers: JSON.stringify(v.headers), mapping: JSON.stringify(v.mapping) })
    .execute()
}

const importColumns = [
  'workspace_id',
  'id',
  'object_type',
  'filename',
  'format',
  'encoding',
  'delimiter',
  'sheet',
  'file_size',
  'headers',
  'mapping',
  'dedupe_rule',
  'match_action',
  'status',
  'created_count',
  'updated_count',
  'skipped_count',
  'failed_count',
  'rows_done',
  'rows_total',
  'last_error',
  'locked_until',
  'created_by',
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
  'undo_until',
  'undone_at',
] as const

/** The import without its file (polled every second for progress); see loadImportFile. */
export async function findImport(
  db: Db,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<ImportRow | undefined> {
  let q = db
    .selectFrom('imports')
    .select(importColumns)
    .select(sql<Uint8Array>`''::bytea`.as('file_data'))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function loadImportFile(db: Db, workspaceId: string, id: string): Promise<Uint8Array> {
  const row = await db
    .selectFrom('imports')
    .select('file_data')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row.file_data
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
}>

export async function updateImport(db: Db, workspaceId: string, id: string, p: ImportPatch) {
  const { headers, mapping, ...rest } = p
  await db
    .updateTable('imports')
    .set({
      ...rest,
      ...(headers ? { headers: JSON.stringify(headers) } : {}),
      ...(mapping ? { mapping: JSON.stringify(mapping) } : {}),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

/** Takes one queued or abandoned running import for this process; others skip it while locked. */
export async function claimImport(
  db: Db,
  leaseMs: number,
): Promise<{ workspace_id: string; id: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('imports')
      .select(['workspace_id', 'id'])
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date())]))
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!row) return undefined
    await trx
      .updateTable('imports')
      .set({ status: 'running', locked_until: new Date(Date.now() + leaseMs) })
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .execute()
    return row
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
  error: string | null
}

export async function insertOutcomes(
  db: Db,
  workspaceId: string,
  importId: string,
  rows: NewOutcome[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('import_rows')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          workspace_id: workspaceId,
          import_id: importId,
          row_number: r.rowNumber,
          raw: JSON.stringify(r.raw),
          outcome: r.outcome,
          object_type: r.objectType,
          record_id: r.recordId,
          company_id: r.companyId,
          company_created: r.companyCreated,
          old_values: r.oldValues ? JSON.stringify(r.oldValues) : null,
          error: r.error,
        })),
      )
      .execute()
  }
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

export async function deleteRecords(
  db: Db,
  workspaceId: string,
  table: 'contacts' | 'companies',
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return
  await db
    .deleteFrom(table)
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute()
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

export async function findMemberIdByEmail(
  db: Db,
  workspaceId: string,
  email: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select('u.id')
    .where('m.workspace_id', '=', workspaceId)
    .where(sql<boolean>`lower(u.email) = lower(${email})`)
    .executeTakeFirst()
  return row?.id
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

/** Contact ids by normalised email or E.164 phone, for a whole chunk in one query. */
export async function findContactIdsByKeys(
  db: Db,
  workspaceId: string,
  kind: 'email' | 'phone',
  keys: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (keys.length === 0) return out
  const column = kind === 'email' ? 'emails' : 'phones'
  const prop = kind === 'email' ? 'address' : 'number'
  const rows = await sql<{ id: string; key: string }>`
    select c.id, e.value->>${prop} as key
    from contacts c cross join lateral jsonb_array_elements(c.${sql.raw(column)}) e
    where c.workspace_id = ${workspaceId} and c.deleted_at is null
      and c.${sql.raw(column)} @> any(${keys.map((k) => JSON.stringify([{ [prop]: k }]))}::jsonb[])
      and e.value->>${prop} = any(${keys}::text[])
    order by c.created_at`.execute(db)
  for (const r of rows.rows) if (!out.has(r.key)) out.set(r.key, r.id)
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
