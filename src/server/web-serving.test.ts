import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app'
import type { FastifyInstance } from 'fastify'
import { createTestApp, type TestApp } from './test/create-test-app'
import { makeWorkspace, signIn } from './test/factories'

let t: TestApp
let app: FastifyInstance
let webRoot: string

beforeAll(async () => {
  t = await createTestApp()
  webRoot = await mkdtemp(join(tmpdir(), 'suhde-web-'))
  await mkdir(join(webRoot, 'assets'))
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Suhde</title>')
  await writeFile(join(webRoot, 'assets', 'app-1.js'), 'console.log(1)')
  app = await buildApp({ db: t.deps.db, engine: t.deps.engine, config: t.deps.config }, { webRoot })
})
afterAll(async () => {
  await app.close()
  await t.close()
})

describe('serving the web app', () => {
  it('answers the app pages with index.html', async () => {
    for (const url of [
      '/',
      '/companies',
      '/contacts/0190e3c1-0000-7000-8000-000000000000?tab=timeline',
    ]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, `${url} ${res.body}`).toBe(200)
      expect(res.body).toContain('<title>Suhde</title>')
    }
  })

  it('serves a file built after the server started, and 404 for a missing one', async () => {
    await writeFile(join(webRoot, 'assets', 'app-2.js'), 'console.log(2)')
    const built = await app.inject({ method: 'GET', url: '/assets/app-2.js' })
    expect(built.statusCode).toBe(200)
    expect(built.body).toBe('console.log(2)')
    const missing = await app.inject({ method: 'GET', url: '/assets/app-3.js' })
    expect(missing.statusCode).toBe(404)
  })

  it('lets the browser keep the hashed assets, but asks again for index.html', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1.js' })
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const url of ['/', '/contacts']) {
      const page = await app.inject({ method: 'GET', url })
      expect(page.headers['cache-control'], url).toBe('public, max-age=0')
    }
  })

  it('keeps unknown API paths as problem+json 404', async () => {
    const admin = await makeWorkspace(t)
    const cookie = await signIn(app, admin.email)
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      cookies: { suhde_session: cookie },
    })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
  })
})
