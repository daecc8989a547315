import { readFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import type { FastifyInstance } from 'fastify'
import { inject } from 'vitest'
import { buildApp } from '../app'
import { loadConfig } from '../config'
import { openDatabase, wrapPglite, type DbHandle } from '../db/client'
import { migrate } from '../db/migrate'
import type { Deps } from '../deps'

export type TestApp = { app: FastifyInstance; deps: Deps; handle: DbHandle; close(): Promise<void> }

async function openTestDatabase(): Promise<DbHandle> {
  const databaseUrl = inject('databaseUrl')
  if (databaseUrl) return openDatabase({ databaseUrl, poolSize: 4 })
  const template = inject('pgliteTemplate')
  if (template) {
    const data = await readFile(template)
    const pglite = await PGlite.create({
      loadDataDir: new Blob([data]),
      extensions: { pg_trgm, unaccent },
    })
    return await wrapPglite(pglite)
  }
  const handle = await openDatabase({})
  await migrate(handle.db)
  return handle
}

/**
 * The whole app on a migrated database: PGlite in memory, or the run's PostgreSQL database
 * when TEST_DATABASE_URL is set. Tests isolate themselves by making their own workspaces.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const handle = await openTestDatabase()
  const config = loadConfig({
    NODE_ENV: 'test',
    SUHDE_DATA_DIR: 'memory://',
    SUHDE_BODY_LIMIT: String(1024 * 1024 * 5),
    ...env,
  })
  const app = await buildApp({ db: handle.db, engine: handle.engine, config }, { serveWeb: false })
  await app.ready()
  const deps: Deps = { db: handle.db, engine: handle.engine, config, log: app.log }
  return {
    app,
    deps,
    handle,
    close: async () => {
      await app.close()
      await handle.close()
    },
  }
}
