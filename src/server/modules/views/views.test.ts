import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace } from '../../test/factories'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

const query = {
  filter: { city: { eq: 'Oulu' }, 'custom.segment': { in: 'a,b' } },
  sort: '-createdAt',
  q: 'oy',
  columns: ['name', 'city', 'custom.segment'],
}

const names = (res: { json(): { data: { name: string }[] } }) => res.json().data.map((v) => v.name)

describe('saved views', () => {
  it('saves a view with its filter, sort, search and columns and gives it back as saved', async () => {
    const admin = await makeWorkspace(t)
    const res = await admin.post('/api/v1/views', {
      objectType: 'company',
      name: 'Oulun yritykset',
      query,
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      objectType: 'company',
      name: 'Oulun yritykset',
      ownerId: admin.userId,
      isShared: false,
      query,
    })
    const got = await admin.get(`/api/v1/views/${res.json().id}`)
    expect(got.json().query).toEqual(query)
    const row = await t.deps.db
      .selectFrom('saved_views')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ workspace_id: admin.workspaceId, owner_id: admin.userId, query })
  })

  it('lists views by object type: own personal views and everyone’s shared views', async () => {
    const admin = await makeWorkspace(t)
    const seller = await makeMember(t, admin.workspaceId, 'sales')
    await admin.post('/api/v1/views', { objectType: 'company', name: 'Adminin oma', query: {} })
    await admin.post('/api/v1/views', {
      objectType: 'company',
      name: 'Yhteinen',
      isShared: true,
      query: {},
    })
    await admin.post('/api/v1/views', {
      objectType: 'contact',
      name: 'Henkilöt',
      isShared: true,
      query: {},
    })
    await seller.post('/api/v1/views', { objectType: 'company', name: 'Myyjän oma', query: {} })
    expect(names(await seller.get('/api/v1/views?objectType=company'))).toEqual([
      'Yhteinen',
      'Myyjän oma',
    ])
    expect(names(await admin.get('/api/v1/views?objectType=company'))).toEqual([
      'Yhteinen',
      'Adminin oma',
    ])
    expect(names(await seller.get('/api/v1/views')).sort()).toEqual([
      'Henkilöt',
      'Myyjän oma',
      'Yhteinen',
    ])
  })

  it('hides a personal view from other members with 404', async () => {
    const admin = await makeWorkspace(t)
    const seller = await makeMember(t, admin.workspaceId, 'sales')
    const own = (
      await seller.post('/api/v1/views', { objectType: 'contact', name: 'Oma', query: {} })
    ).json()
    expect((await admin.get(`/api/v1/views/${own.id}`)).statusCode).toBe(404)
    expect((await admin.patch(`/api/v1/views/${own.id}`, { name: 'X' })).statusCode).toBe(404)
    expect((await admin.delete(`/api/v1/views/${own.id}`)).statusCode).toBe(404)
  })

  it('lets only the owner or an admin change or delete a shared view', async () => {
    const admin = await makeWorkspace(t)
    const owner = await makeMember(t, admin.workspaceId, 'sales')
    const other = await makeMember(t, admin.workspaceId, 'sales')
    const view = (
      await owner.post('/api/v1/views', {
        objectType: 'company',
        name: 'Tiimin',
        isShared: true,
        query: {},
      })
    ).json()
    expect((await other.patch(`/api/v1/views/${view.id}`, { name: 'Minun' })).statusCode).toBe(403)
    expect((await other.delete(`/api/v1/views/${view.id}`)).statusCode).toBe(403)
    const renamed = await owner.patch(`/api/v1/views/${view.id}`, { name: 'Tiimin näkymä', query })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ name: 'Tiimin näkymä', query, isShared: true })
    const unshared = await admin.patch(`/api/v1/views/${view.id}`, { isShared: false })
    expect(unshared.json().isShared).toBe(false)
    expect((await other.get(`/api/v1/views/${view.id}`)).statusCode).toBe(404)
    expect((await owner.delete(`/api/v1/views/${view.id}`)).statusCode).toBe(204)
    expect((await owner.get(`/api/v1/views/${view.id}`)).statusCode).toBe(404)
  })

  it('answers 404 for a view of another workspace', async () => {
    const a = await makeWorkspace(t)
    const b = await makeWorkspace(t)
    const view = (
      await a.post('/api/v1/views', { objectType: 'company', name: 'A', isShared: true, query: {} })
    ).json()
    expect((await b.get(`/api/v1/views/${view.id}`)).statusCode).toBe(404)
    expect((await b.patch(`/api/v1/views/${view.id}`, { name: 'B' })).statusCode).toBe(404)
    expect((await b.delete(`/api/v1/views/${view.id}`)).statusCode).toBe(404)
    expect(names(await b.get('/api/v1/views'))).toEqual([])
  })

  it('refuses bad input naming the field and writes nothing', async () => {
    const admin = await makeWorkspace(t)
    const res = await admin.post('/api/v1/views', {
      objectType: 'deal',
      name: ' ',
      query: { filter: { city: { like: 'x' } } },
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['objectType', 'name']))
    expect(paths.some((p: string) => p.startsWith('query.filter.city'))).toBe(true)
    const rows = await t.deps.db
      .selectFrom('saved_views')
      .select('id')
      .where('workspace_id', '=', admin.workspaceId)
      .execute()
    expect(rows).toEqual([])
  })

  it('records each change in the audit log', async () => {
    const admin = await makeWorkspace(t)
    const view = (
      await admin.post('/api/v1/views', { objectType: 'activity', name: 'Avoimet', query: {} })
    ).json()
    await admin.patch(`/api/v1/views/${view.id}`, { name: 'Avoimet tehtävät' })
    await admin.delete(`/api/v1/views/${view.id}`)
    const entries = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', admin.workspaceId)
      .where('object_type', '=', 'view')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete'])
  })

  it('lets a read-only member save a personal view of a list', async () => {
    const admin = await makeWorkspace(t)
    const reader = await makeMember(t, admin.workspaceId, 'read-only')
    const res = await reader.post('/api/v1/views', {
      objectType: 'company',
      name: 'Luku',
      query: {},
    })
    expect(res.statusCode).toBe(201)
  })
})
