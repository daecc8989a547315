import { sql } from 'kysely'
import type { Db } from '../db/client'

/** Rows inserted, updated or deleted since the last ANALYZE, over all of our tables. */
export async function modifiedSinceAnalyze(db: Db): Promise<number> {
  const r = await sql<{ n: number | null }>`
    select sum(n_mod_since_analyze)::int as n from pg_stat_user_tables`.execute(db)
  return Number(r.rows[0]?.n ?? 0)
}

export async function vacuumAnalyze(db: Db): Promise<void> {
  await sql`vacuum analyze`.execute(db)
}

export async function readMaintenanceState(
  db: Db,
  key: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('maintenance_state')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value
}

export async function writeMaintenanceState(
  db: Db,
  key: string,
  value: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('maintenance_state')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
    )
    .execute()
}

/** Whether the database holds anything worth a backup (any migration applied before). */
export async function hasAppliedMigrations(db: Db): Promise<boolean> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_schema = 'public' and table_name = 'schema_migrations'`.execute(db)
  if (!r.rows[0]?.n) return false
  const applied = await sql<{
    n: number
  }>`select count(*)::int as n from schema_migrations`.execute(db)
  return (applied.rows[0]?.n ?? 0) > 0
}

export async function listUserTables(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)
  return r.rows.map((row) => row.name)
}

/** Row count and an order-independent checksum of a table's rows, to compare two databases. */
export async function tableFingerprint(
  db: Db,
  table: string,
): Promise<{ rows: number; checksum: string }> {
  const t = sql.table(table)
  const r = await sql<{ rows: number; checksum: string | null }>`
    select count(*)::int as rows, md5(string_agg(x.t, '' order by x.t)) as checksum
    from (select ${t}::text as t from ${t}) x`.execute(db)
  return { rows: r.rows[0]?.rows ?? 0, checksum: r.rows[0]?.checksum ?? '' }
}
