import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { clientFor, makeMember, makeWorkspace, type Client } from '../../test/factories'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

async function makeKey(owner: Client, scopes: string[], extra: object = {}) {
  const res = await owner.post('/api/v1/api-keys', { name: 'Integraatio', scopes, ...extra })
  expect(res.statusCode).toBe(201)
  const created = res.json()
  return { created, client: clientFor(t.app, { apiKey: created.key }, owner) }
}

describe('api keys', () => {
  it('shows the full key once and lists only its prefix', async () => {
    const admin = await makeWorkspace(t)
    const { created } = await makeKey(admin, ['companies:read'])
    expect(created.key).toMatch(new RegExp(`^suhde_${created.prefix}_`))
    const list = await admin.get('/api/v1/api-keys')
    expect(list.statusCode).toBe(200)
    expect(list.json().data).toEqual([
      expect.objectContaining({
        id: created.id,
        prefix: created.prefix,
        scopes: ['companies:read'],
        createdBy: admin.userId,
        revokedAt: null,
      }),
    ])
    expect(list.body).not.toContain(created.key)
    const row = await t.deps.db
      .selectFrom('api_keys')
      .select('key_hash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    expect(row.key_hash).not.toContain(created.key.split('_')[2])
  })

  it('a key with companies:read lists companies but gets 403 creating one', async () => {
    const admin = await makeWorkspace(t)
    const { client } = await makeKey(admin, ['companies:read'])
    expect((await client.get('/api/v1/companies')).statusCode).toBe(200)
    expect((await client.post('/api/v1/companies', { name: 'Ei Oy' })).statusCode).toBe(403)
    expect((await client.get('/api/v1/users')).statusCode).toBe(403)
  })

  it('a revoked key gets 401 at once', async () => {
    const admin = await makeWorkspace(t)
    const { created, client } = await makeKey(admin, ['*'])
    expect((await client.get('/api/v1/companies')).statusCode).toBe(200)
    expect((await admin.delete(`/api/v1/api-keys/${created.id}`)).statusCode).toBe(204)
    expect((await client.get('/api/v1/companies')).statusCode).toBe(401)
    const listed = (await admin.get('/api/v1/api-keys')).json().data[0]
    expect(listed.revokedAt).toEqual(expect.any(String))
  })

  it('an expired key gets 401, and a past expiry is refused when making one', async () => {
    const admin = await makeWorkspace(t)
    const { created, client } = await makeKey(admin, ['*'], {
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    })
    expect((await client.get('/api/v1/companies')).statusCode).toBe(200)
    expect(created.expiresAt).not.toBeNull()
    // A minute later the key has expired, cached or not.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 61_000)
      expect((await client.get('/api/v1/companies')).statusCode).toBe(401)
    } finally {
      vi.useRealTimers()
    }
    const past = await admin.post('/api/v1/api-keys', {
      name: 'Vanha',
      scopes: ['*'],
      expiresAt: '2020-01-01T00:00:00Z',
    })
    expect(past.statusCode).toBe(400)
    expect(past.json().errors[0]).toMatchObject({ path: 'expiresAt', code: 'in_past' })
  })

  it('refuses an unknown scope naming its position', async () => {
    const admin = await makeWorkspace(t)
    const res = await admin.post('/api/v1/api-keys', { name: 'X', scopes: ['companies:fly'] })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].path).toBe('scopes.0')
  })

  it('a key acts within its creator’s current role', async () => {
    const admin = await makeWorkspace(t)
    const second = await makeMember(t, admin.workspaceId, 'admin')
    const { client } = await makeKey(second, ['*'])
    expect((await client.post('/api/v1/companies', { name: 'Sallittu Oy' })).statusCode).toBe(201)
    await admin.patch(`/api/v1/users/${second.userId}`, { role: 'read-only' })
    expect((await client.get('/api/v1/companies')).statusCode).toBe(200)
    expect((await client.post('/api/v1/companies', { name: 'Kielletty Oy' })).statusCode).toBe(403)
    expect((await client.get('/api/v1/api-keys')).statusCode).toBe(403)
  })

  it('writes the key into the audit entries of what it does', async () => {
    const admin = await makeWorkspace(t)
    const { created, client } = await makeKey(admin, ['companies:write', 'companies:read'])
    const company = (await client.post('/api/v1/companies', { name: 'Avaimella Oy' })).json()
    const entry = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_api_key_id', 'action'])
      .where('workspace_id', '=', admin.workspaceId)
      .where('record_id', '=', company.id)
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({
      actor_user_id: admin.userId,
      actor_api_key_id: created.id,
      action: 'create',
    })
  })

  it('only an admin manages keys; another workspace’s key answers 404', async () => {
    const admin = await makeWorkspace(t)
    const manager = await makeMember(t, admin.workspaceId, 'manager')
    expect((await manager.get('/api/v1/api-keys')).statusCode).toBe(403)
    expect((await manager.post('/api/v1/api-keys', { name: 'X', scopes: ['*'] })).statusCode).toBe(
      403,
    )
    const other = await makeWorkspace(t)
    const { created } = await makeKey(other, ['*'])
    expect((await admin.delete(`/api/v1/api-keys/${created.id}`)).statusCode).toBe(404)
  })
})
