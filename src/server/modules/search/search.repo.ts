import { sql, type RawBuilder } from 'kysely'
import type { SearchResult, SearchType } from '../../../shared/search.schema'
import type { Db } from '../../db/client'
import { withIndexScans } from '../../db/index-scans'
import { escapeLike, hasTrigrams, prefixIndexOrder, startsWith } from '../../db/text-match'

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
  /** A lower-case name with a prefix index: names that start with q are the cheapest hits. */
  namePrefix?: RawBuilder<unknown>
}

const owned = (s: SearchScope) =>
  s.ownerIds ? sql`t.owner_id = any(${s.ownerIds}::uuid[])` : sql`true`

const specs: Record<SearchType, TypeSpec> = {
  company: {
    table: sql`companies`,
    title: sql`t.name`,
    subtitle: sql`nullif(concat_ws(' · ', t.business_id, t.addresses->0->>'city'), '')`,
    visible: owned,
    namePrefix: sql`lower(t.name)`,
  },
  contact: {
    table: sql`contacts`,
    title: sql`coalesce(nullif(trim(concat_ws(' ', t.first_name, t.last_name)), ''), t.emails->0->>'address', '')`,
    subtitle: sql`nullif(concat_ws(' · ', t.title, t.emails->0->>'address'), '')`,
    visible: owned,
    namePrefix: sql`lower(t.last_name)`,
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

type Scored = Hit & { type: SearchType; hits: number }

/**
 * The best matches of each object type: typo-tolerant trigram match on search_text, or
 * Finnish/English stemmed full text on search_vector; scored by the better of the two. All
 * types go in one statement per phase, so a search costs a few round trips, not a dozen.
 */
export async function searchAllTypes(
  db: Db,
  types: SearchType[],
  q: string,
  scope: SearchScope,
  limit: number,
  signal?: AbortSignal,
): Promise<SearchResult[]> {
  const tsq = sql`(websearch_to_tsquery('finnish', ${q}) || websearch_to_tsquery('english', ${q}))`
  const score = sql`greatest(word_similarity(${q}, t.search_text), ts_rank(t.search_vector, ${tsq}))`
  // Each way of matching contributes a bounded set of candidates through its own index; only
  // those are scored. Cheapest first: names that start with q, a btree range read in order
  // that stops at the bound (a plain statement, so the planner may use the index scan) — for
  // a common name these are enough. Else stems and substrings through the GIN indexes, which
  // collect every match first. The typo-tolerant trigram match is the costliest (a common name
  // has tens of thousands of trigram candidates: 375 ms for "Kinnunen" in 2M activities that
  // hold none), so it runs only when the words themselves found fewer than `limit` in all
  // types together: a misspelling finds nothing by stem or substring anywhere.
  const candidates = (type: SearchType, match: RawBuilder<unknown>, order = sql``) => {
    const s = specs[type]
    return sql`(select t.id from ${s.table} t
      where t.workspace_id = ${scope.workspaceId}::uuid and t.deleted_at is null
        and ${s.visible(scope)} and ${match} ${order} limit ${candidateLimit})`
  }
  // In the order of the prefix index, so the planner reads its range (text-match.ts).
  const names = (type: SearchType) => {
    const prefix = specs[type].namePrefix
    if (!prefix) return []
    return [candidates(type, startsWith(prefix, q), sql`order by ${prefixIndexOrder(prefix)}`)]
  }
  const cte = (type: SearchType, kind: string) => sql.id(`${kind}_${type}`)
  // The best `limit` of one type among the ids in its CTE, with how many candidates it had.
  const best = (type: SearchType, hits: RawBuilder<unknown>) => {
    const s = specs[type]
    return sql`(select ${type}::text as type, t.id, ${s.title} as title, ${s.subtitle} as subtitle,
        ${score}::float8 as score, (select count(*) from ${hits})::int as hits
      from ${s.table} t join ${hits} h on h.id = t.id
      where t.workspace_id = ${scope.workspaceId}::uuid
      order by score desc, t.id desc
      limit ${limit})`
  }
  // A trigram index narrows only on words of three letters or more: for "p" or "pe" the
  // substring and typo-tolerant ways read the whole index (0.2–3.5 s in 2M activities), and
  // those are the first keys of every search typed into the box. Short text matches names
  // that start with it and whole words (text-match.ts, shared with the lists' `q`).
  const trigrams = hasTrigrams(q)
  const found: Scored[] = []
  let rest = types
  let namesFound = 0
  const named = types.filter((t) => specs[t].namePrefix)
  if (named.length) {
    const ctes = named.map((t) => sql`${cte(t, 'names')} as ${names(t)[0]!}`)
    const result = await sql<Scored>`
      with ${sql.join(ctes)}
      ${sql.join(
        named.map((t) => best(t, cte(t, 'names'))),
        sql` union all `,
      )}`.execute(db)
    const enough = new Set(result.rows.filter((r) => r.hits >= candidateLimit).map((r) => r.type))
    found.push(...result.rows.filter((r) => enough.has(r.type)))
    rest = types.filter((t) => !enough.has(t))
    namesFound = enough.size * candidateLimit
  }
  // The user typed on and the answer is no longer awaited: skip the costlier phase.
  if (rest.length && !signal?.aborted) {
    const exactFound = sql.join(
      rest.map((t) => sql`(select count(*) from ${cte(t, 'exact')})`),
      sql` + `,
    )
    // Whole words first (names, stems); the substring's trigram scan (20–35 ms for a full
    // name at 1M contacts) only for a type whose words found fewer than the bound, as when
    // the last word is still being typed. Each is a one-time filter of the statement.
    const words = (t: SearchType) =>
      sql`${cte(t, 'words')} as (${sql.join(
        [...names(t), candidates(t, sql`t.search_vector @@ ${tsq}`)],
        sql` union `,
      )})`
    const exact = (t: SearchType) => {
      if (!trigrams) return sql`${cte(t, 'exact')} as (select id from ${cte(t, 'words')})`
      const substring = candidates(t, sql`t.search_text like ${'%' + escapeLike(q) + '%'}`)
      return sql`${cte(t, 'exact')} as (select id from ${cte(t, 'words')}
        union select p.id from ${substring} p
        where (select count(*) from ${cte(t, 'words')}) < ${candidateLimit})`
    }
    // Every type's exact candidates first: each fuzzy CTE's gate counts them all.
    const ctes = [
      ...rest.map(words),
      ...rest.map(exact),
      // A one-time filter: the trigram scan runs only when the words found too little.
      ...(trigrams ? rest : []).map(
        (t) => sql`${cte(t, 'fuzzy')} as (
          select f.id from ${candidates(t, sql`${q} <% t.search_text`)} f
          where ${namesFound}::int + ${exactFound} < ${limit})`,
      ),
      ...(trigrams ? rest : []).map(
        (t) => sql`${cte(t, 'hits')} as (
          select id from ${cte(t, 'exact')} union select id from ${cte(t, 'fuzzy')})`,
      ),
    ]
    const result = await withIndexScans(db, (trx) =>
      sql<Scored>`
        with ${sql.join(ctes)}
        ${sql.join(
          rest.map((t) => best(t, cte(t, trigrams ? 'hits' : 'exact'))),
          sql` union all `,
        )}`.execute(trx),
    )
    found.push(...result.rows)
  }
  return found.map((r) => ({
    type: r.type,
    id: r.id,
    title: r.title ?? '',
    subtitle: r.subtitle || null,
    score: Number(r.score),
  }))
}
