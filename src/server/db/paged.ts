import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { Db } from './client'
import { runPlanned, withIndexScans } from './index-scans'
import type { PlannedList, RankedSearch } from './list-query'

/**
 * How many candidates each way of matching gives a search ranked by relevance, so how far its
 * pages reach. Scoring every match of a common word (15,000 people named Korhonen at 1M
 * contacts) took seconds; scoring costs about 15 µs a row, so 200 cost a few milliseconds. To
 * go through every match, sort by a field (docs/decisions.md).
 */
export const rankedCandidateLimit = 200

/** All conditions as one SQL expression (true when there are none). */
export function allOf(conditions: RawBuilder<unknown>[]): RawBuilder<boolean> {
  return conditions.length
    ? sql<boolean>`(${sql.join(conditions, sql` and `)})`
    : sql<boolean>`true`
}

/**
 * One page of a planned list, the part every object's list shares: the planned conditions and
 * order, one row more than the page to know whether another follows, and the next cursor.
 * `from` gives the object's table, alias and columns, already scoped to the workspace.
 */
export async function planPage<DB, TB extends keyof DB, O extends { id: string }>(
  db: Db,
  plan: PlannedList,
  conditions: RawBuilder<unknown>[],
  from: (db: Db) => SelectQueryBuilder<DB, TB, O>,
  /** Aborted when nobody waits for the page any more: a ranked search skips its second read. */
  signal?: AbortSignal,
): Promise<{ rows: O[]; nextCursor: string | null }> {
  if (plan.ranked) {
    const rows = await rankedRows(db, plan, plan.ranked, conditions, from, signal)
    return { rows: rows.slice(0, plan.limit), nextCursor: plan.nextCursor(rows) }
  }
  return runPlanned(db, plan, async (db) => {
    const rows = (await from(db)
      .select(plan.sortExpr.as('__sort') as never)
      .where(allOf([...conditions, ...plan.where]) as never)
      .orderBy(plan.orderBy as never)
      .limit(plan.limit + 1)
      .offset(plan.offset)
      .execute()) as unknown as (O & { __sort: unknown })[]
    return { rows: rows.slice(0, plan.limit), nextCursor: plan.nextCursor(rows) }
  })
}

/**
 * A page of a ranked search, from bounded candidates: each way of matching gives at most
 * rankedCandidateLimit rows through its own index (the filters and visibility apply inside, so
 * every candidate counts), scored as they are read; only the page's rows are read in full.
 * Cheapest first: names that start with `q` (a btree range, read in order, stops at the bound;
 * enough for a common name; in the index's order, so the planner reads its range); else whole
 * words through the GIN index, substrings only when names and words found fewer than the bound
 * (the last word still being typed), the trigram match only when all those did (a
 * misspelling) — their one-time filters keep the costly trigram index scans from running
 * otherwise. One- or two-letter text has neither (text-match.ts).
 */
async function rankedRows<DB, TB extends keyof DB, O extends { id: string }>(
  db: Db,
  plan: PlannedList,
  ranked: RankedSearch,
  conditions: RawBuilder<unknown>[],
  from: (db: Db) => SelectQueryBuilder<DB, TB, O>,
  signal?: AbortSignal,
): Promise<(O & { __sort: unknown })[]> {
  const filters = [...conditions, ...plan.where.filter((c) => c !== ranked.match)]
  const candidates = (db: Db, match: RawBuilder<unknown>, order?: RawBuilder<unknown>) => {
    const query = from(db)
      .clearSelect()
      .select([ranked.idExpr.as('id'), plan.sortExpr.as('score')] as never)
      .where(allOf([...filters, match]) as never)
    return sql`(${(order ? query.orderBy(order as never) : query).limit(rankedCandidateLimit)})`
  }
  const page = (db: Db) =>
    sql`(${from(db)
      .select(plan.sortExpr.as('__sort') as never)
      .where(sql`${ranked.idExpr} = any(array(select id from ranked))` as never)})`
  const ranking = sql`ranked as (
      select id, score from hits order by score desc, id desc
      limit ${plan.limit + 1} offset ${plan.offset})`
  if (ranked.prefix) {
    // A plain statement: the btree range must be read as an index scan to stop at the bound.
    // With the count of names beside the page, one round trip tells whether they were enough.
    const result = await sql<O & { __sort: unknown; __names: number }>`
      with hits as ${candidates(db, ranked.prefix.match, ranked.prefix.order)}, ${ranking}
      select p.*, n.n as __names from (select count(*)::int as n from hits) n
      left join ${page(db)} p on true
      order by p.__sort desc, p.id desc`.execute(db)
    if ((result.rows[0]?.__names ?? 0) >= rankedCandidateLimit)
      return result.rows.filter((r) => r.id !== null)
  }
  // The user typed on (the request was aborted): nobody waits for the costlier read.
  if (signal?.aborted) return []
  return withIndexScans(db, async (db) => {
    const words = [
      ...(ranked.prefix ? [candidates(db, ranked.prefix.match, ranked.prefix.order)] : []),
      candidates(db, ranked.words),
    ]
    // Each later way is a one-time filter of the statement: its index scan runs only when the
    // ways before it found fewer than the bound.
    const substring = ranked.substring
      ? sql`union select s.id, s.score from ${candidates(db, ranked.substring)} s
          where (select count(*) from words) < ${rankedCandidateLimit}`
      : sql``
    const fuzzy = ranked.fuzzy
      ? sql`union select f.id, f.score from ${candidates(db, ranked.fuzzy)} f
          where (select count(*) from exact) < ${rankedCandidateLimit}`
      : sql``
    const result = await sql<O & { __sort: unknown }>`
      with words as (${sql.join(words, sql` union `)}),
      exact as (select id, score from words ${substring}),
      hits as (select id, score from exact ${fuzzy}),
      ${ranking}
      select * from ${page(db)} p order by p.__sort desc, p.id desc`.execute(db)
    return result.rows
  })
}

/** How many rows a planned list matches in all, under the same conditions as its pages. */
export function planCount(
  db: Db,
  plan: PlannedList,
  table: { name: string; alias: string; workspaceId: string },
  conditions: RawBuilder<unknown>[],
): Promise<number> {
  return runPlanned(db, plan, async (db) => {
    const result = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table.name)} as ${sql.id(table.alias)}
      where ${sql.ref(`${table.alias}.workspace_id`)} = ${table.workspaceId}
        and ${allOf([...conditions, ...plan.where])}`.execute(db)
    return result.rows[0]?.n ?? 0
  })
}
