import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config'
import { openDatabase, type DbHandle } from '../db/client'
import { migrate, pendingMigrations, type Migration } from '../db/migrate'
import { lockDataDir, type DataDirLock } from '../maintenance/data-lock'
import { dataLayout } from '../maintenance/layout'
import { backupNow } from '../maintenance/maintenance.service'
import { hasAppliedMigrations } from '../maintenance/maintenance.repo'
import { openFromTemplate, saveTemplate } from './pglite-template'

export type AppDatabase = DbHandle & {
  backupsDir: string | null
  /** Closes the database and releases the data-folder lock. */
  close(): Promise<void>
}

export type OpenAppOptions = {
  /** Written into the lock file so a refused second opener can say who holds it. */
  purpose: string
  onEvent?: (message: string, data?: Record<string, unknown>) => void
  poolSize?: number
  /** The migrations to apply; all of them by default (tests pass a prefix). */
  migrations?: Migration[]
}

/**
 * Opens the configured database the way every Suhde process must: embedded mode takes the
 * data-folder lock first; pending migrations are applied after a backup of existing data.
 */
export async function openAppDatabase(config: Config, opts: OpenAppOptions): Promise<AppDatabase> {
  if (config.databaseUrl) {
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: opts.poolSize })
    return withMigrations({ ...handle, backupsDir: null }, config, opts)
  }
  const layout = dataLayout(config.dataDir)
  const lock: DataDirLock = lockDataDir(layout.root, opts.purpose)
  try {
    const isNew = !existsSync(join(layout.database, 'PG_VERSION'))
    const fromTemplate = isNew && !opts.migrations ? await openFromTemplate(layout.database) : null
    const handle = fromTemplate ?? (await openDatabase({ dataDir: layout.database }))
    const app: AppDatabase = {
      ...handle,
      backupsDir: layout.backups,
      close: async () => {
        try {
          await handle.close()
        } finally {
          lock.release()
        }
      },
    }
    await withMigrations(app, config, opts)
    if (isNew && !fromTemplate && !opts.migrations && handle.pglite)
      await saveTemplate(handle.pglite)
    return app
  } catch (err) {
    lock.release()
    throw err
  }
}

async function withMigrations(
  app: AppDatabase,
  config: Config,
  opts: OpenAppOptions,
): Promise<AppDatabase> {
  try {
    const pending = await pendingMigrations(app.db, opts.migrations)
    if (pending.length === 0) return app
    if (app.pglite && app.backupsDir && (await hasAppliedMigrations(app.db))) {
      const file = await backupNow(
        {
          db: app.db,
          pglite: app.pglite,
          backupsDir: app.backupsDir,
          backupsKeep: config.backupsKeep,
        },
        'pre-migrate',
      )
      opts.onEvent?.('backup before migrating', { file })
    }
    const applied = await migrate(app.db, pending)
    opts.onEvent?.('migrations applied', { applied })
    return app
  } catch (err) {
    await app.close()
    throw err
  }
}
