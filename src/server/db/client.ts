import type { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { PreparingClient } from './prepared-statements'
import type { Database } from './schema'

// Dates without time stay 'YYYY-MM-DD' strings: a birth date must not shift with the time zone.
pg.types.setTypeParser(1082, (v) => v)
// bigint counts (count(*)) fit in a JS number for any realistic table.
pg.types.setTypeParser(20, (v) => Number(v))

export type Db = Kysely<Database>
export type DbEngine = 'pglite' | 'postgres'

export type DbHandle = {
  db: Db
  engine: DbEngine
  /** The embedded database, for maintenance (dump, vacuum) that goes around the pool. */
  pglite?: PGlite
  pool: pg.Pool
  close(): Promise<void>
}

export type OpenOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number }

/** Opens PostgreSQL when a URL is given, else PGlite in `dataDir` (`memory://` for tests). */
export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    // Named prepared statements per connection: parsed and planned once (prepared-statements.ts).
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      Client: PreparingClient,
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, engine: 'postgres', pool, close: () => db.destroy() }
  }
  const { PGlite, extensions, startParams } = await loadPglite()
  const pglite = await PGlite.create(opts.dataDir ?? 'memory://', { extensions, startParams })
  return wrapPglite(pglite)
}

/**
 * PGlite with the extensions our migrations need, loaded on first use: a server on PostgreSQL
 * never loads the embedded database's code.
 */
export async function loadPglite() {
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ])
  // Postgres's default 128 MB of shared_buffers is allocated inside the process's own memory
  // here: 16 MB took idle RSS on the small bench dataset from 380 to 258 MB with get and list
  // throughput unchanged (docs/benchmarks.md, 2026-11-23 08:21). PGlite replaces its own start
  // parameters with ours, so they are kept.
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']
  return { PGlite, extensions: { pg_trgm, unaccent }, startParams }
}

export async function wrapPglite(pglite: PGlite): Promise<DbHandle> {
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres')
  // PGlite is one connection: the pool of one serialises queries and transactions.
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    engine: 'pglite',
    pglite,
    pool,
    close: async () => {
      await db.destroy()
      await pglite.close()
    },
  }
}
