import { sql } from 'kysely'
import type { Db } from './client'

/**
 * Runs text-search queries with sequential scans off. PostgreSQL cannot estimate how many rows
 * a trigram or full-text condition matches; under a LIMIT it then picks a sequential scan, which
 * is quick for a common name but reads the whole table for a rare one (seconds at 1M rows).
 * Bitmap index scans keep the worst case bounded (measured in docs/benchmarks.md).
 */
export async function withIndexScans<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx)
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
