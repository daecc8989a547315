import { readdir } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { openAppDatabase } from '../platform/database'
import { pruneBackups } from './backup'
import { backupNow, runMaintenance } from './maintenance.service'
import { readMaintenanceState } from './maintenance.repo'

const root = await mkdtemp(join(tmpdir(), 'suhde-maint-'))
afterAll(() => rm(root, { recursive: true, force: true }))

describe('embedded maintenance', { timeout: 120_000 }, () => {
  it('vacuums and backs up daily, records when, and keeps only the newest backups', async () => {
    const database = await openAppDatabase(loadConfig({ SUHDE_DATA_DIR: root }), {
      purpose: 'test',
    })
    try {
      const pglite = database.pglite
      const backupsDir = database.backupsDir ?? ''
      if (!pglite) throw new Error('expected the embedded database')
      const e = { db: database.db, pglite, backupsDir, backupsKeep: 2 }
      const now = new Date()
      const done = await runMaintenance(e, now)
      expect(done[0]).toBe('vacuum:daily')
      expect(done[1]).toMatch(/^backup:.*suhde-\d{8}-\d{6}-\d{3}-daily\.tar\.gz$/)
      expect(await readMaintenanceState(database.db, 'vacuum')).toMatchObject({ reason: 'daily' })
      expect(await readMaintenanceState(database.db, 'backup')).toMatchObject({ reason: 'daily' })
      // Within the day nothing is due again.
      expect(await runMaintenance(e, new Date(now.getTime() + 3600_000))).toEqual([])
      // A day later both are due again.
      const later = await runMaintenance(e, new Date(now.getTime() + 25 * 3600_000))
      expect(later.map((d) => d.split(':')[0])).toEqual(['vacuum', 'backup'])

      await new Promise((r) => setTimeout(r, 1100))
      await backupNow(e, 'manual')
      const files = (await readdir(backupsDir)).filter((f) => f.endsWith('.tar.gz'))
      expect(files).toHaveLength(2)
      expect(await pruneBackups(backupsDir, 1)).toHaveLength(1)
    } finally {
      await database.close()
    }
  })
})
