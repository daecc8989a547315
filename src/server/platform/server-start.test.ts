import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { MigrationChangedError, pendingMigrations, readMigrations } from '../db/migrate'
import { startServer, type RunningServer } from '../main'
import { DataDirLockedError } from '../maintenance/data-lock'
import { openAppDatabase } from './database'

const dirs: string[] = []
const servers: RunningServer[] = []

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'suhde-start-'))
  dirs.push(dir)
  return dir
}

function embeddedConfig(dataDir: string, extra: Record<string, string> = {}) {
  return loadConfig({ NODE_ENV: 'test', SUHDE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra })
}

async function start(dataDir: string, extra: Record<string, string> = {}, printed: string[] = []) {
  const server = await startServer({
    config: embeddedConfig(dataDir, extra),
    port: 0,
    host: '127.0.0.1',
    logger: false,
    print: (t) => printed.push(t),
  })
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

describe('embedded server start', { timeout: 120_000 }, () => {
  it('creates the first workspace from SUHDE_ADMIN_EMAIL and SUHDE_ADMIN_PASSWORD, once', async () => {
    const dir = await tempDataDir()
    const env = { SUHDE_ADMIN_EMAIL: 'owner@firma.fi', SUHDE_ADMIN_PASSWORD: 'first-run-secret' }
    const server = await start(dir, env)
    expect(server.firstRun).toMatchObject({ email: 'owner@firma.fi', generatedPassword: null })
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'owner@firma.fi', password: 'first-run-secret' },
    })
    expect(login.statusCode).toBe(200)
    const health = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/v1/health`)
    expect(health.status).toBe(200)
    await server.close()

    const again = await start(dir, env)
    expect(again.firstRun).toBeNull()
  })

  it('prints a generated one-time password when no admin is configured', async () => {
    const printed: string[] = []
    const server = await start(await tempDataDir(), {}, printed)
    const password = server.firstRun?.generatedPassword
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(printed.join('')).toContain(`as admin@suhde.local with password ${password}`)
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@suhde.local', password },
    })
    expect(login.statusCode).toBe(200)
  })

  it('refuses a second process on the same data folder, naming the folder and the pid', async () => {
    const dir = await tempDataDir()
    await start(dir)
    const cli = spawnSync(
      process.execPath,
      ['bin/suhde.mjs', 'user', 'reset-password', '--email', 'admin@suhde.local'],
      // eslint-disable-next-line no-restricted-syntax -- the child needs PATH and the like
      { env: { ...process.env, SUHDE_DATA_DIR: dir }, encoding: 'utf8' },
    )
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain(
      `The data folder ${dir} is in use by another Suhde process (pid ${process.pid}). Stop the server first`,
    )
    // In the same process the lock still holds, with its own message.
    await expect(openAppDatabase(embeddedConfig(dir), { purpose: 'cli' })).rejects.toBeInstanceOf(
      DataDirLockedError,
    )
  })

  it('stops start-up when an applied migration was changed, and releases the lock', async () => {
    const dir = await tempDataDir()
    const database = await openAppDatabase(embeddedConfig(dir), { purpose: 'test' })
    await sql`update schema_migrations set checksum = 'edited' where id = (select min(id) from schema_migrations)`.execute(
      database.db,
    )
    await database.close()
    await expect(start(dir)).rejects.toBeInstanceOf(MigrationChangedError)
    await expect(start(dir)).rejects.toThrow(/was changed after it was applied/)
  })
})

describe('migrating an embedded database', { timeout: 120_000 }, () => {
  it('takes a backup before applying new migrations to a database that holds data', async () => {
    const dir = await tempDataDir()
    const all = await readMigrations()
    const older = await openAppDatabase(embeddedConfig(dir), {
      purpose: 'test',
      migrations: all.slice(0, -1),
    })
    await older.close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)

    const events: string[] = []
    const newer = await openAppDatabase(embeddedConfig(dir), {
      purpose: 'test',
      onEvent: (message) => events.push(message),
    })
    try {
      const backups = await readdir(join(dir, 'backups'))
      expect(backups).toEqual([
        expect.stringMatching(/^suhde-\d{8}-\d{6}-\d{3}-pre-migrate\.tar\.gz$/),
      ])
      expect(events).toEqual(['backup before migrating', 'migrations applied'])
      expect(await pendingMigrations(newer.db)).toEqual([])
    } finally {
      await newer.close()
    }
  })
})
