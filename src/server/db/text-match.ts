import { sql, type RawBuilder } from 'kysely'

// The ways of matching typed text that the list quick search (`q`, list-query.ts, paged.ts) and
// the global search (modules/search) share, with the rules that keep them off costly scans.

/** Escapes the wildcards of LIKE, so typed `%` or `_` match themselves. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * Whether the text has a word a trigram index can narrow on (three letters or more). For "p"
 * or "pe" the substring (`like '%pe%'`) and typo-tolerant (`<%`) matches read the whole
 * trigram index and test most rows: 1.4–3.9 s for a ranked list page and 10–12 s for a sorted
 * one at 1M contacts or 2M activities, still running after the browser had aborted them. Such
 * text matches names that start with it and whole words only (docs/decisions.md).
 */
export function hasTrigrams(q: string): boolean {
  return q.split(/\s+/).some((word) => word.length >= 3)
}

/** Names that start with `q`, on a lower-case name with a text_pattern_ops prefix index. */
export function startsWith(namePrefix: RawBuilder<unknown>, q: string): RawBuilder<unknown> {
  return sql`${namePrefix} like ${escapeLike(q) + '%'}`
}

/**
 * The order of the prefix index (text_pattern_ops sorts with `~<~`). A bounded read of names
 * that start with `q` in this order makes the planner read the index's range: without it, for
 * a short common prefix such as "sa" it walked the (workspace, name) index filtering every name
 * from "A" on (77k of 100k companies, 27–70 ms).
 */
export function prefixIndexOrder(namePrefix: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`${namePrefix} using ~<~`
}
