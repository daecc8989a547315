import { sql } from 'kysely'
import type { Contact } from '../../../shared/contacts.schema'
import type { Db } from '../../db/client'
import { visibilityConditions, type PlannedList, type Visibility } from '../../db/list-query'
import { planPage } from '../../db/paged'
import { tagsByRecord } from '../tags/tag-links.repo'
import type { LinkedCompany } from './contact-companies.repo'
import { storedContactColumns, toContact } from './contacts.repo'

// The export's read of contacts: the same planned page as the list (filters, q, sort, keyset
// cursor, visibility), but the tags and company links come per page, one grouped query each over
// the page's ids, instead of two json subselects run once per row. At 1M contacts the subselects
// were most of a 5,000-row page's time in PostgreSQL (docs/benchmarks.md, Import and export).

/** Links to live companies by contact id, the primary first, then by name (as companyLinksJson). */
async function companiesByContact(
  db: Db,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, LinkedCompany[]>> {
  const byContact = new Map<string, LinkedCompany[]>()
  if (ids.length === 0) return byContact
  const { rows } = await sql<{
    contact_id: string
    company_id: string
    name: string
    role: string | null
    is_primary: boolean
  }>`
    select l.contact_id, l.company_id, co.name, l.role, l.is_primary
    from contact_companies l
    join companies co on co.workspace_id = l.workspace_id and co.id = l.company_id
    where l.workspace_id = ${workspaceId} and l.contact_id = any(${ids}::uuid[])
      and co.deleted_at is null
    order by l.is_primary desc, co.name`.execute(db)
  for (const r of rows) {
    const list = byContact.get(r.contact_id) ?? []
    list.push({ companyId: r.company_id, name: r.name, role: r.role, isPrimary: r.is_primary })
    byContact.set(r.contact_id, list)
  }
  return byContact
}

/** The stored columns of contacts, without their tags and company links (withContactLinks). */
export type StoredContactRow = Omit<Parameters<typeof toContact>[0], 'tags' | 'companies'>

/**
 * One page of contacts for an export, without tags and links: the next page's read can start as
 * soon as this one's cursor is known, while this page's links are read (withContactLinks).
 */
export async function exportContactRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: Visibility,
): Promise<{ rows: StoredContactRow[]; nextCursor: string | null }> {
  const page = await planPage(db, plan, visibilityConditions('c', 'owner_id', vis), (db) =>
    db
      .selectFrom('contacts as c')
      .select(storedContactColumns)
      .where('c.workspace_id', '=', workspaceId),
  )
  return { rows: page.rows as unknown as StoredContactRow[], nextCursor: page.nextCursor }
}

/** The contacts of a page with their tags and company links: two grouped queries, at once. */
export async function withContactLinks(
  db: Db,
  workspaceId: string,
  rows: StoredContactRow[],
): Promise<Contact[]> {
  const ids = rows.map((r) => r.id)
  // On a server the two run on two pooled connections.
  const [tags, companies] = await Promise.all([
    tagsByRecord(db, 'contact', workspaceId, ids),
    companiesByContact(db, workspaceId, ids),
  ])
  // The rows are the export's own: they take their tags and links in place, not as copies.
  return rows.map((r) => {
    const row = r as Parameters<typeof toContact>[0]
    row.tags = tags.get(r.id) ?? []
    row.companies = companies.get(r.id) ?? []
    return toContact(row)
  })
}
