import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import { openAppDatabase } from '../server/platform/database'
import type { CliIo } from './context'
import { runCli } from './program'

// The CLI runs in-process through runCli, on the run's PostgreSQL database when there is one,
// else on an embedded data folder of its own.
let dataDir = ''
const env: Record<string, string> = { NODE_ENV: 'test', LOG_LEVEL: 'silent' }
const unique = `${Date.now()}${Math.floor(Math.random() * 1e6)}`

beforeAll(async () => {
  const url = inject('databaseUrl')
  if (url) env.DATABASE_URL = url
  else env.SUHDE_DATA_DIR = dataDir = await mkdtemp(join(tmpdir(), 'suhde-cli-'))
})
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

async function cli(...argv: string[]) {
  let out = ''
  let err = ''
  const io: CliIo = { env, out: (t) => void (out += t), err: (t) => void (err += t) }
  const code = await runCli(argv, io)
  return { code, out, err, json: () => JSON.parse(out) as Record<string, string> }
}

/** Runs requests against the same database the CLI wrote, as the server would. */
async function withApp<T>(work: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>) {
  const config = loadConfig(env)
  const database = await openAppDatabase(config, { purpose: 'test' })
  const app = await buildApp(
    { db: database.db, engine: database.engine, config },
    { serveWeb: false },
  )
  try {
    return await work(app)
  } finally {
    await app.close()
    await database.close()
  }
}

const login = (app: Awaited<ReturnType<typeof buildApp>>, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })

describe('suhde admin commands', { timeout: 180_000 }, () => {
  const name = `Cli Oy ${unique}`
  const admin = `admin.${unique}@cli.fi`
  const seller = `myyja.${unique}@cli.fi`

  it('creates a workspace, a user with a generated password, and an API key that works', async () => {
    const ws = await cli(
      'workspace',
      'create',
      '--name',
      name,
      '--admin-email',
      admin,
      '--admin-password',
      'admin-password-1',
      '--json',
    )
    expect(ws.code).toBe(0)
    const workspaceId = ws.json().workspaceId
    const user = await cli(
      'user',
      'create',
      '--workspace',
      name,
      '--email',
      seller,
      '--name',
      'Matti Myyjä',
      '--role',
      'sales',
      '--json',
    )
    expect(user.code).toBe(0)
    const password = user.json().password ?? ''
    expect(password).toHaveLength(16)
    const key = await cli(
      'apikey',
      'create',
      '--workspace',
      workspaceId ?? '',
      '--user-email',
      admin,
      '--name',
      'integraatio',
      '--scopes',
      'companies:read,companies:write',
      '--json',
    )
    expect(key.code).toBe(0)
    expect(key.json().key).toMatch(/^suhde_[A-Za-z0-9]{12}_/)

    await withApp(async (app) => {
      expect((await login(app, seller, password)).statusCode).toBe(200)
      const list = await app.inject({
        method: 'GET',
        url: '/api/v1/companies',
        headers: { authorization: `Bearer ${key.json().key}` },
      })
      expect(list.statusCode).toBe(200)
    })
  })

  it('resets a password: the new one signs in, the old one no longer does', async () => {
    const reset = await cli(
      'user',
      'reset-password',
      '--email',
      admin,
      '--password',
      'new-password-22',
    )
    expect(reset.code).toBe(0)
    await withApp(async (app) => {
      expect((await login(app, admin, 'admin-password-1')).statusCode).toBe(401)
      expect((await login(app, admin, 'new-password-22')).statusCode).toBe(200)
    })
  })

  it('exits 2 naming the option when an option is invalid or missing', async () => {
    const badRole = await cli(
      'user',
      'create',
      '--workspace',
      name,
      '--email',
      `x${unique}@cli.fi`,
      '--name',
      'X',
      '--role',
      'boss',
    )
    expect(badRole.code).toBe(2)
    expect(badRole.err).toContain('--role')
    const missing = await cli('workspace', 'create', '--name', 'Nimi')
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('--admin-email')
    expect((await cli('no-such-command')).code).toBe(2)
  })

  it('exits 1 with the message when the command fails', async () => {
    const r = await cli(
      'user',
      'create',
      '--workspace',
      `Ei ole ${unique}`,
      '--email',
      `y${unique}@cli.fi`,
      '--name',
      'Y',
      '--role',
      'sales',
    )
    expect(r.code).toBe(1)
    expect(r.err).toContain(`No workspace "Ei ole ${unique}"`)
  })
})
