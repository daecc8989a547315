import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { Db } from './client'
import { runPlanned } from './index-scans'
import type { PlannedList } from './list-query'

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
export function planPage<DB, TB extends keyof DB, O extends { id: string }>(
  db: Db,
  plan: PlannedList,
  conditions: RawBuilder<unknown>[],
  from: (db: Db) => SelectQueryBuilder<DB, TB, O>,
): Promise<{ rows: O[]; nextCursor: string | null }> {
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
