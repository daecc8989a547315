import type { PGlite } from '@electric-sql/pglite'
import type { Db } from '../db/client'
import { pruneBackups, writeBackup } from './backup'
import {
  modifiedSinceAnalyze,
  readMaintenanceState,
  vacuumAnalyze,
  writeMaintenanceState,
} from './maintenance.repo'

// PGlite has no autovacuum; past this many changed rows the planner's statistics are stale
// enough to slow queries several times, so vacuum without waiting for the daily run.
export const heavyWriteThreshold = 50_000
const dayMs = 24 * 3600 * 1000

export type EmbeddedDb = { db: Db; pglite: PGlite; backupsDir: string; backupsKeep: number }

async function lastRun(db: Db, key: string): Promise<Date | null> {
  const state = await readMaintenanceState(db, key)
  return typeof state?.at === 'string' ? new Date(state.at) : null
}

export async function vacuumNow(db: Db, reason: string): Promise<void> {
  const started = Date.now()
  await vacuumAnalyze(db)
  await writeMaintenanceState(db, 'vacuum', {
    at: new Date().toISOString(),
    reason,
    ms: Date.now() - started,
  })
}

/** A backup into the backups folder, recorded in maintenance_state, keeping the newest N. */
export async function backupNow(e: EmbeddedDb, reason: string): Promise<string> {
  const file = await writeBackup(e.pglite, { dir: e.backupsDir, reason })
  await pruneBackups(e.backupsDir, e.backupsKeep)
  await writeMaintenanceState(e.db, 'backup', { at: new Date().toISOString(), reason, file })
  return file
}

/** One pass of embedded maintenance; the scheduler calls it every few minutes. */
export async function runMaintenance(e: EmbeddedDb, now = new Date()): Promise<string[]> {
  const done: string[] = []
  const lastVacuum = await lastRun(e.db, 'vacuum')
  const changed = await modifiedSinceAnalyze(e.db)
  if (changed > heavyWriteThreshold) {
    await vacuumNow(e.db, 'heavy-writes')
    done.push('vacuum:heavy-writes')
  } else if (!lastVacuum || now.getTime() - lastVacuum.getTime() >= dayMs) {
    await vacuumNow(e.db, 'daily')
    done.push('vacuum:daily')
  }
  const lastBackup = await lastRun(e.db, 'backup')
  if (!lastBackup || now.getTime() - lastBackup.getTime() >= dayMs) {
    done.push(`backup:${await backupNow(e, 'daily')}`)
  }
  return done
}
