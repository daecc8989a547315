import { sql, type RawBuilder } from 'kysely'
import type { Db } from './client'

/** A condition that always holds, for history written with a change that always happens. */
export const always = sql<boolean>`true`

/**
 * Runs several writes as one statement: the first as the main statement, the others as its
 * data-modifying CTEs. One round trip instead of one each, and atomic on its own.
 */
export async function runAsOne(db: Db, [main, ...others]: RawBuilder<unknown>[]): Promise<void> {
  if (!main) return
  const ctes = others.map((q, i) => sql`${sql.id(`also_${i}`)} as (${q})`)
  await (ctes.length ? sql`with ${sql.join(ctes)} ${main}` : main).execute(db)
}
