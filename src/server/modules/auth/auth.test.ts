import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, testPassword, type Client } from '../../test/factories'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

describe('POST /api/v1/auth/login', () => {
  it('signs in with the right password and sets an httpOnly session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: testPassword },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ user: { email: admin.email }, role: 'admin' })
    const cookie = res.cookies.find((c) => c.name === 'suhde_session')
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('Lax')
  })

  it('answers 401 INVALID_CREDENTIALS in Finnish to a wrong password, the same as to an unknown email', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'fi-FI,fi;q=0.9' },
      payload: { email: admin.email, password: 'väärä salasana' },
    })
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'fi' },
      payload: { email: 'nobody@example.test', password: 'väärä salasana' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      title: 'Sähköposti tai salasana on väärin',
    })
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS')
  })

  it('limits password guessing to 10 tries a minute for one address', async () => {
    const statuses: number[] = []
    let last = ''
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'target@example.test', password: `guess-${i}` },
      })
      statuses.push(res.statusCode)
      last = res.body
    }
    expect(JSON.parse(last)).toMatchObject({ code: 'RATE_LIMITED', status: 429 })
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  })
})

describe('sessions', () => {
  it('answers 401 UNAUTHENTICATED without a session, and after sign-out', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).json().code).toBe(
      'UNAUTHENTICATED',
    )
    const me = await admin.get('/api/v1/me')
    expect(me.statusCode).toBe(200)
    expect((await admin.post('/api/v1/auth/logout')).statusCode).toBe(204)
    expect((await admin.get('/api/v1/me')).statusCode).toBe(401)
  })

  it('answers the health check without sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' })
    expect(res.json()).toMatchObject({ status: 'ok' })
  })

  it('serves the OpenAPI 3.1 document describing the resources', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    expect(doc.openapi).toBe('3.1.0')
    for (const path of [
      '/api/v1/companies',
      '/api/v1/companies/{id}',
      '/api/v1/auth/login',
      '/api/v1/me',
    ])
      expect(doc.paths).toHaveProperty([path])
  })
})
