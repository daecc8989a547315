import { sql } from 'kysely'
import type { Db } from './client'

/**
 * Runs text-search queries on bitmap scans of the search indexes only. PostgreSQL cannot
 * estimate how many rows a trigram or full-text condition matches; under a LIMIT it then walks
 * the table (a sequential scan, or an index scan on workspace_id) testing each row, which is
 * quick for a common name but reads all of a workspace for a rare one: 1.3 s at 1M contacts.
 * With plain and sequential scans off it must use the GIN indexes: 7–160 ms there
 * (docs/benchmarks.md).
 */
export async function withIndexScans<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // Both settings in one statement: one round trip fewer for every search.
    await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
      trx,
    )
    return fn(trx)
  })
}

/** Runs a list query as planned: with index scans when it searches, as it is otherwise. */
export function runPlanned<T>(
  db: Db,
  plan: { isSearch: boolean },
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  return plan.isSearch ? withIndexScans(db, fn) : fn(db)
}
