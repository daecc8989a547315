import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../server/config'
import { listUserTables, tableFingerprint } from '../server/maintenance/maintenance.repo'
import { openAppDatabase } from '../server/platform/database'
import { runCli } from './program'

const root = await mkdtemp(join(tmpdir(), 'suhde-backup-'))
afterAll(() => rm(root, { recursive: true, force: true }))

function io(dataDir: string) {
  const out: string[] = []
  const err: string[] = []
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SUHDE_DATA_DIR: dataDir }
  return {
    env,
    out: (t: string) => void out.push(t),
    err: (t: string) => void err.push(t),
    text: () => ({ out: out.join(''), err: err.join('') }),
  }
}

async function fingerprints(dataDir: string) {
  const database = await openAppDatabase(loadConfig({ SUHDE_DATA_DIR: dataDir }), {
    purpose: 'test',
  })
  try {
    const result: Record<string, { rows: number; checksum: string }> = {}
    for (const table of await listUserTables(database.db)) {
      result[table] = await tableFingerprint(database.db, table)
    }
    return result
  } finally {
    await database.close()
  }
}

describe('suhde backup and restore (embedded)', { timeout: 240_000 }, () => {
  it('restores a backup into another folder with identical rows in every table', async () => {
    const source = join(root, 'source')
    const target = join(root, 'target')
    const file = join(root, 'demo.tar.gz')
    const demo = io(source)
    expect(
      await runCli(['demo', '--companies', '40', '--contacts', '300', '--activities', '500'], demo),
    ).toBe(0)
    expect(await runCli(['backup', '--out', file], io(source))).toBe(0)
    expect(existsSync(file)).toBe(true)

    expect(await runCli(['restore', file], io(target))).toBe(0)
    const before = await fingerprints(source)
    const after = await fingerprints(target)
    expect(before.contacts?.rows).toBe(300)
    expect(before.activities?.rows).toBe(500)
    expect(after).toEqual(before)
  })

  it('refuses to overwrite a database without --force, and keeps the old one with it', async () => {
    const target = join(root, 'target')
    const file = join(root, 'demo.tar.gz')
    const refused = io(target)
    expect(await runCli(['restore', file], refused)).toBe(1)
    expect(refused.text().err).toContain('Add --force')
    const forced = io(target)
    expect(await runCli(['restore', file, '--force'], forced)).toBe(0)
    expect(forced.text().out).toMatch(/previous database is kept in .*pgdata\.before-restore-/)
  })
})
