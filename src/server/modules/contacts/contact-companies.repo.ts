import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import { visibilityConditions, type Visibility } from '../../db/list-query'

// Links between contacts and companies (a person works at several companies with a role; one
// link may be primary, which the unique index contact_companies_one_primary enforces).

export type LinkedCompany = {
  companyId: string
  name: string
  role: string | null
  isPrimary: boolean
}
export type LinkRow = {
  contactId: string
  companyId: string
  role: string | null
  isPrimary: boolean
}

/**
 * A contact's live companies as a json array, the primary first, then by name: a subselect in
 * the contact's own query, so a read is one statement.
 */
export function companyLinksJson(alias: string): RawBuilder<LinkedCompany[]> {
  return sql<LinkedCompany[]>`coalesce((
    select json_agg(json_build_object('companyId', l.company_id, 'name', co.name, 'role', l.role, 'isPrimary', l.is_primary)
      order by l.is_primary desc, co.name)
    from contact_companies l
    join companies co on co.workspace_id = l.workspace_id and co.id = l.company_id
    where l.workspace_id = ${sql.ref(`${alias}.workspace_id`)} and l.contact_id = ${sql.ref(`${alias}.id`)}
      and co.deleted_at is null), '[]'::json)`
}

/**
 * The stored links of contacts to live companies. Links to a soft-deleted company are left out,
 * so replacing a contact's companies keeps them for when the company is restored.
 */
export async function listLinkRows(
  db: Db,
  workspaceId: string,
  contactIds: string[],
): Promise<LinkRow[]> {
  if (contactIds.length === 0) return []
  const rows = await db
    .selectFrom('contact_companies as l')
    .innerJoin('companies as c', (j) =>
      j.onRef('c.workspace_id', '=', 'l.workspace_id').onRef('c.id', '=', 'l.company_id'),
    )
    .select(['l.contact_id', 'l.company_id', 'l.role', 'l.is_primary'])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.contact_id', 'in', contactIds)
    .where('c.deleted_at', 'is', null)
    .execute()
  return rows.map((r) => ({
    contactId: r.contact_id,
    companyId: r.company_id,
    role: r.role,
    isPrimary: r.is_primary,
  }))
}

/** Which of the ids are live companies of the workspace that the actor may see. */
export async function findLinkableCompanyIds(
  db: Db,
  workspaceId: string,
  companyIds: string[],
  vis: Visibility,
): Promise<Set<string>> {
  if (companyIds.length === 0) return new Set()
  let q = db
    .selectFrom('companies as c')
    .select('c.id')
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', companyIds)
  for (const cond of visibilityConditions('c', 'owner_id', { ...vis, includeDeleted: false }))
    q = q.where(cond as never)
  return new Set((await q.execute()).map((r) => r.id))
}

/** Inserts or updates links; the caller clears an old primary first. */
export async function upsertLinks(db: Db, workspaceId: string, links: LinkRow[]): Promise<void> {
  // 1,000 links x 5 columns per statement stays far below the parameter limit.
  for (let i = 0; i < links.length; i += 1000) {
    const chunk = links.slice(i, i + 1000).map((l) => ({
      workspace_id: workspaceId,
      contact_id: l.contactId,
      company_id: l.companyId,
      role: l.role,
      is_primary: l.isPrimary,
    }))
    await db
      .insertInto('contact_companies')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'contact_id', 'company_id']).doUpdateSet({
          role: sql`excluded.role`,
          is_primary: sql`excluded.is_primary`,
        }),
      )
      .execute()
  }
}

/** Clears the primary flag of a contact's links other than `keepCompanyId`. */
export async function clearPrimary(
  db: Db,
  workspaceId: string,
  contactId: string,
  keepCompanyId: string,
): Promise<void> {
  await db
    .updateTable('contact_companies')
    .set({ is_primary: false })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('company_id', '!=', keepCompanyId)
    .where('is_primary', '=', true)
    .execute()
}

export async function deleteLinks(
  db: Db,
  workspaceId: string,
  contactId: string,
  companyIds: string[],
): Promise<void> {
  if (companyIds.length === 0) return
  await db
    .deleteFrom('contact_companies')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('company_id', 'in', companyIds)
    .execute()
}
