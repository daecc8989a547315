import { sql, type RawBuilder } from 'kysely'
import type { SearchResult, SearchType } from '../../../shared/search.schema'
import type { Db } from '../../db/client'
import { withIndexScans } from '../../db/index-scans'

const candidateLimit = 100

// Global search is a read model: the one module that reads several objects' tables, so one
// query box finds companies, contacts and activities. It only reads; each object's own module
// stays the only writer. Every query is bounded by workspace, visibility and soft deletion.

export type SearchScope = {
  workspaceId: string
  /** Owners whose records the actor sees; null for everyone's. */
  ownerIds: string[] | null
  actorId: string
}

type Hit = { id: string; title: string | null; subtitle: string | null; score: number }

type TypeSpec = {
  table: RawBuilder<unknown>
  title: RawBuilder<unknown>
  subtitle: RawBuilder<unknown>
  visible: (s: SearchScope) => RawBuilder<unknown>
}

const owned = (s: SearchScope) =>
  s.ownerIds ? sql`t.owner_id = any(${s.ownerIds}::uuid[])` : sql`true`

const specs: Record<SearchType, TypeSpec> = {
  company: {
    table: sql`companies`,
    title: sql`t.name`,
    subtitle: sql`nullif(concat_ws(' · ', t.business_id, t.addresses->0->>'city'), '')`,
    visible: owned,
  },
  contact: {
    table: sql`contacts`,
    title: sql`coalesce(nullif(trim(concat_ws(' ', t.first_name, t.last_name)), ''), t.emails->0->>'address', '')`,
    subtitle: sql`nullif(concat_ws(' · ', t.title, t.emails->0->>'address'), '')`,
    visible: owned,
  },
  activity: {
    table: sql`activities`,
    title: sql`t.subject`,
    subtitle: sql`concat_ws(' · ', t.type, to_char(coalesce(t.occurred_at, t.due_at), 'YYYY-MM-DD'))`,
    // As in the activities module: the assignee's visibility, or the actor's own entries.
    visible: (s) =>
      s.ownerIds
        ? sql`(t.assignee_id = any(${s.ownerIds}::uuid[]) or t.created_by = ${s.actorId}::uuid)`
        : sql`true`,
  },
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The best matches of one object type: typo-tolerant trigram match on search_text, or
 * Finnish/English stemmed full text on search_vector; scored by the better of the two.
 */
export async function searchType(
  db: Db,
  type: SearchType,
  q: string,
  scope: SearchScope,
  limit: number,
): Promise<SearchResult[]> {
  const s = specs[type]
  const tsq = sql`(websearch_to_tsquery('finnish', ${q}) || websearch_to_tsquery('english', ${q}))`
  const score = sql`greatest(word_similarity(${q}, t.search_text), ts_rank(t.search_vector, ${tsq}))`
  const scoped = sql`t.workspace_id = ${scope.workspaceId}::uuid and t.deleted_at is null and ${s.visible(scope)}`
  // Each way of matching contributes a bounded set of candidates through its own index; only
  // those are scored. The typo-tolerant trigram match is the costly one (a common name has tens
  // of thousands of trigram candidates), so it runs only when the words themselves found too
  // little: a misspelling finds nothing by stem or substring.
  const candidates = (match: RawBuilder<unknown>) =>
    sql`(select t.id from ${s.table} t where ${scoped} and ${match} limit ${candidateLimit})`
  const exact = [
    candidates(sql`t.search_vector @@ ${tsq}`),
    candidates(sql`t.search_text like ${'%' + escapeLike(q) + '%'}`),
  ]
  const fuzzy = candidates(sql`${q} <% t.search_text`)
  const best = (matches: RawBuilder<unknown>[]) =>
    withIndexScans(db, (trx) =>
      sql<Hit>`
        with hits as (${sql.join(matches, sql` union `)})
        select t.id, ${s.title} as title, ${s.subtitle} as subtitle, ${score}::float8 as score
        from ${s.table} t join hits h on h.id = t.id
        where t.workspace_id = ${scope.workspaceId}::uuid
        order by score desc, t.id desc
        limit ${limit}`.execute(trx),
    )
  let result = await best(exact)
  if (result.rows.length < limit) result = await best([...exact, fuzzy])
  return result.rows.map((r) => ({
    type,
    id: r.id,
    title: r.title ?? '',
    subtitle: r.subtitle || null,
    score: Number(r.score),
  }))
}
