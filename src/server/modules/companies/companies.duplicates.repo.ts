import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import { visibilityConditions, type Visibility } from '../../db/list-query'

/**
 * Ids of live companies with the business ID or domain (indexed equality), or a name close to
 * `name` (trigram word similarity on search_text, which the GIN index serves); exact matches
 * first, then by name similarity.
 */
export async function findDuplicateCompanyIds(
  db: Db,
  workspaceId: string,
  match: { businessId?: string; domain?: string; name?: string },
  vis: Visibility,
): Promise<string[]> {
  const exact: RawBuilder<unknown>[] = []
  if (match.businessId) exact.push(sql`c.business_id = ${match.businessId}`)
  if (match.domain) exact.push(sql`c.domain = ${match.domain}`)
  const name = match.name?.trim().toLowerCase()
  const similar = name
    ? [sql`(${name} <% c.search_text and similarity(lower(c.name), ${name}) >= 0.5)`]
    : []
  const or = [...exact, ...similar]
  if (or.length === 0) return []
  let q = db
    .selectFrom('companies as c')
    .select('c.id')
    .where('c.workspace_id', '=', workspaceId)
    .where(sql`(${sql.join(or, sql` or `)})` as never)
  for (const cond of visibilityConditions('c', 'owner_id', vis)) q = q.where(cond as never)
  if (exact.length) q = q.orderBy(sql`(${sql.join(exact, sql` or `)})` as never, 'desc')
  if (name) q = q.orderBy(sql`similarity(lower(c.name), ${name})` as never, 'desc')
  const rows = await q.orderBy('c.updated_at', 'desc').limit(20).execute()
  return rows.map((r) => r.id)
}
