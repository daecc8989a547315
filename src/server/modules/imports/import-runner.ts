import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../../db/schema'
import type { Deps } from '../../deps'
import { runEvery } from '../../lib/interval'
import { processOwner, runQueuedImports } from './import-job'
import { lockOwner } from './imports.repo'

export const importPollMs = 2000

/**
 * On PostgreSQL the process holds an advisory lock named after its lease owner id on a
 * connection of its own for as long as it runs. A server that starts after a crash sees that
 * the owner of a running import holds no such lock (its connection died with it) and takes
 * the import at once; a live server's imports are left alone.
 */
async function holdOwnerLock(deps: Deps, owner: string): Promise<(() => Promise<void>) | null> {
  if (deps.engine !== 'postgres' || !deps.config.databaseUrl) return null
  const pool = new pg.Pool({
    connectionString: deps.config.databaseUrl,
    max: 1,
    idleTimeoutMillis: 0,
  })
  pool.on('error', (err) => deps.log.error({ err }, 'import lease connection failed'))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  await lockOwner(db, owner)
  return () => db.destroy()
}

/**
 * Polls for started imports and runs them in-process, the first pass at once (a restarted
 * server continues its predecessor's import without waiting). A pass never overlaps the next;
 * stop() lets the chunk in flight commit and hands the import back.
 */
export function startImportRunner(
  deps: Deps,
  intervalMs = importPollMs,
  owner = processOwner,
): { stop(): Promise<void> } {
  const locked = holdOwnerLock(deps, owner).catch((err: unknown) => {
    // Without the lock other servers wait for the lease to run out instead: slower, still safe.
    deps.log.error({ err }, 'import lease lock failed')
    return null
  })
  const loop = runEvery(
    intervalMs,
    (isStopped) =>
      locked
        .then(() => runQueuedImports(deps, { isStopped, owner }))
        .then((n) => {
          if (n) deps.log.info({ imports: n }, 'imports finished')
        })
        .catch((err: unknown) => deps.log.error({ err }, 'import runner failed')),
    { firstAfterMs: 0 },
  )
  return {
    stop: async () => {
      await loop.stop()
      await (
        await locked
      )?.()
    },
  }
}
