import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'
import { openDatabase, type DbHandle } from '../../db/client'
import { migrate } from '../../db/migrate'
import { ensureFirstWorkspace } from '../../platform/first-run'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace } from '../../test/factories'

type FreshApp = { app: FastifyInstance; handle: DbHandle }

/** The whole app on its own empty in-memory database, so "no workspace yet" holds on every run. */
async function freshApp(env: Record<string, string> = {}): Promise<FreshApp> {
  const handle = await openDatabase({})
  await migrate(handle.db)
  const config = loadConfig({ NODE_ENV: 'test', SUHDE_DATA_DIR: 'memory://', ...env })
  const app = await buildApp({ db: handle.db, engine: handle.engine, config }, { serveWeb: false })
  await app.ready()
  return { app, handle }
}

const input = {
  workspaceName: 'Esimerkki Oy',
  name: 'Maija Meikäläinen',
  email: 'Maija@Example.test',
  password: 'pitkä salasana 1',
  language: 'fi',
}

let shared: TestApp
let fresh: FreshApp

beforeAll(async () => {
  shared = await createTestApp()
  fresh = await freshApp()
})
afterAll(async () => {
  await shared.close()
  await fresh.app.close()
  await fresh.handle.close()
})

describe('first-run set-up', () => {
  it('creates the first workspace and its admin, and signs the admin in', async () => {
    const status = await fresh.app.inject({ method: 'GET', url: '/api/v1/setup' })
    expect(status.json()).toEqual({ isNeeded: true })

    const res = await fresh.app.inject({ method: 'POST', url: '/api/v1/setup', payload: input })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      user: { email: 'maija@example.test', name: 'Maija Meikäläinen', mustChangePassword: false },
      workspace: { name: 'Esimerkki Oy', language: 'fi' },
      role: 'admin',
    })
    const cookie = res.cookies.find((c) => c.name === 'suhde_session')
    expect(cookie?.httpOnly).toBe(true)
    const me = await fresh.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `suhde_session=${cookie?.value}` },
    })
    expect(me.json()).toMatchObject({ role: 'admin', user: { email: 'maija@example.test' } })

    const after = await fresh.app.inject({ method: 'GET', url: '/api/v1/setup' })
    expect(after.json()).toEqual({ isNeeded: false })
    const again = await fresh.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...input, email: 'toinen@example.test' },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('CONFLICT')
    const users = await fresh.handle.db.selectFrom('users').select('email').execute()
    expect(users.map((u) => u.email)).toEqual(['maija@example.test'])
  })

  it('refuses set-up once a workspace exists, without creating anything', async () => {
    await makeWorkspace(shared)
    const status = await shared.app.inject({ method: 'GET', url: '/api/v1/setup' })
    expect(status.json()).toEqual({ isNeeded: false })
    const res = await shared.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...input, email: 'intruder@example.test' },
    })
    expect(res.statusCode).toBe(409)
    const user = await shared.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'intruder@example.test')
      .executeTakeFirst()
    expect(user).toBeUndefined()
  })

  it('answers 400 naming the fields of a bad set-up form, and writes nothing', async () => {
    const other = await freshApp()
    try {
      const res = await other.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...input, email: 'not an email', password: 'short' },
      })
      expect(res.statusCode).toBe(400)
      const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort()
      expect(paths).toEqual(['email', 'password'])
      expect((await other.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
        isNeeded: true,
      })
    } finally {
      await other.app.close()
      await other.handle.close()
    }
  })
})

describe('a generated first-run password', () => {
  it('asks the admin to change it until they do', async () => {
    const other = await freshApp()
    try {
      const config = loadConfig({ NODE_ENV: 'test', SUHDE_DATA_DIR: 'memory://' })
      const run = await ensureFirstWorkspace(other.handle.db, config)
      const password = run?.generatedPassword ?? ''
      expect(password).toHaveLength(16)
      const login = await other.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: run?.email, password },
      })
      expect(login.json().user.mustChangePassword).toBe(true)
      const cookie = `suhde_session=${login.cookies.find((c) => c.name === 'suhde_session')?.value}`
      const changed = await other.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { cookie },
        payload: { currentPassword: password, newPassword: 'oma uusi salasana' },
      })
      expect(changed.statusCode).toBe(200)
      expect(changed.json().user.mustChangePassword).toBe(false)
    } finally {
      await other.app.close()
      await other.handle.close()
    }
  })
})
