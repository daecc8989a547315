import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

async function company(ws: Client, name: string, extra: Record<string, unknown> = {}) {
  const res = await ws.post('/api/v1/companies', { name, ...extra })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; tags: { id: string }[] }
}

async function tag(ws: Client, name: string, color?: string) {
  const res = await ws.post('/api/v1/tags', { name, ...(color ? { color } : {}) })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; name: string }
}

const eventTypes = async (ws: Client, companyId: string) =>
  (await ws.get(`/api/v1/companies/${companyId}/timeline`))
    .json()
    .data.map((e: { eventType: string }) => e.eventType)

describe('tags CRUD', () => {
  it('creates, renames and lists tags with usage counts', async () => {
    const ws = await makeWorkspace(t)
    const vip = await tag(ws, 'VIP', '#ff0000')
    await tag(ws, 'Kumppani')
    await company(ws, 'Eka Oy', { tagIds: [vip.id] })
    await company(ws, 'Toka Oy', { tagIds: [vip.id] })
    const renamed = await ws.patch(`/api/v1/tags/${vip.id}`, { name: 'Avainasiakas' })
    expect(renamed.json()).toMatchObject({ name: 'Avainasiakas', color: '#ff0000' })
    const list = (await ws.get('/api/v1/tags')).json().data
    expect(list).toEqual([
      expect.objectContaining({ name: 'Avainasiakas', usage: { company: 2, contact: 0 } }),
      expect.objectContaining({ name: 'Kumppani', usage: { company: 0, contact: 0 } }),
    ])
  })

  it('refuses a name already used in another case with 409 naming name', async () => {
    const ws = await makeWorkspace(t)
    const first = await tag(ws, 'Messut 2026')
    const res = await ws.post('/api/v1/tags', { name: 'MESSUT 2026' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'name', code: 'duplicate' }],
    })
    const other = await tag(ws, 'Muu')
    const rename = await ws.patch(`/api/v1/tags/${other.id}`, { name: 'messut 2026' })
    expect(rename.statusCode).toBe(409)
    expect((await ws.patch(`/api/v1/tags/${first.id}`, { name: 'messut 2026' })).statusCode).toBe(
      200,
    )
    expect((await ws.post('/api/v1/tags', { name: 'X', color: 'red' })).json().errors[0].path).toBe(
      'color',
    )
  })

  it('deletes a tag, takes it off records and notes it on their timelines', async () => {
    const ws = await makeWorkspace(t)
    const old = await tag(ws, 'Vanha')
    const c = await company(ws, 'Merkitty Oy', { tagIds: [old.id] })
    expect((await ws.delete(`/api/v1/tags/${old.id}`)).statusCode).toBe(204)
    expect((await ws.get(`/api/v1/companies/${c.id}`)).json().tags).toEqual([])
    expect((await eventTypes(ws, c.id))[0]).toBe('untagged')
    expect((await ws.get('/api/v1/tags')).json().data).toEqual([])
  })
})

describe('POST /api/v1/tags/:id/apply and /remove', () => {
  it('tags and untags many companies with timeline events and an audit entry', async () => {
    const ws = await makeWorkspace(t)
    const hot = await tag(ws, 'Kuuma')
    const companies = await Promise.all(['A Oy', 'B Oy', 'C Oy'].map((n) => company(ws, n)))
    const ids = companies.map((c) => c.id)
    const applied = await ws.post(`/api/v1/tags/${hot.id}/apply`, { objectType: 'company', ids })
    expect(applied.json()).toEqual({ count: 3 })
    const again = await ws.post(`/api/v1/tags/${hot.id}/apply`, { objectType: 'company', ids })
    expect(again.json()).toEqual({ count: 0 })
    const tagged = await ws.get(`/api/v1/companies?filter[tags][contains]=${hot.id}`)
    expect(tagged.json().data).toHaveLength(3)
    expect((await eventTypes(ws, ids[0]!))[0]).toBe('tagged')
    const removed = await ws.post(`/api/v1/tags/${hot.id}/remove`, {
      objectType: 'company',
      ids: [ids[0]],
    })
    expect(removed.json()).toEqual({ count: 1 })
    expect((await eventTypes(ws, ids[0]!))[0]).toBe('untagged')
    expect((await ws.get('/api/v1/tags')).json().data[0].usage.company).toBe(2)
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('workspace_id', '=', ws.workspaceId)
      .where('action', 'in', ['tag', 'untag'])
      .execute()
    expect(audits).toHaveLength(4)
  })

  it('tags contacts too, and counts them in the usage', async () => {
    const ws = await makeWorkspace(t)
    const label = await tag(ws, 'Uutiskirje')
    const contact = await ws.post('/api/v1/contacts', { firstName: 'Maija' })
    expect(contact.statusCode, contact.body).toBe(201)
    const contactId: string = contact.json().id
    const res = await ws.post(`/api/v1/tags/${label.id}/apply`, {
      objectType: 'contact',
      ids: [contactId],
    })
    expect(res.json()).toEqual({ count: 1 })
    expect((await ws.get('/api/v1/tags')).json().data[0].usage).toEqual({ company: 0, contact: 1 })
    const events = (await ws.get(`/api/v1/contacts/${contactId}/timeline`)).json().data
    expect(events[0]).toMatchObject({ eventType: 'tagged', data: { tagId: label.id } })
  })

  it('refuses with 404 and writes nothing when any id is missing or not visible', async () => {
    const ws = await makeWorkspace(t)
    const label = await tag(ws, 'Rajattu')
    const seller = await makeMember(t, ws.workspaceId, 'sales', 'own')
    const mine = await company(seller, 'Myyjän Oy')
    const notMine = await company(ws, 'Adminin Oy')
    const res = await seller.post(`/api/v1/tags/${label.id}/apply`, {
      objectType: 'company',
      ids: [mine.id, notMine.id],
    })
    expect(res.statusCode).toBe(404)
    expect((await ws.get(`/api/v1/companies/${mine.id}`)).json().tags).toEqual([])
    const ok = await seller.post(`/api/v1/tags/${label.id}/apply`, {
      objectType: 'company',
      ids: [mine.id],
    })
    expect(ok.json()).toEqual({ count: 1 })
  })

  it('lets read-only users list tags but neither create them nor tag records', async () => {
    const reader = await makeMember(t, admin.workspaceId, 'read-only')
    const label = await tag(admin, 'Luettava')
    const c = await company(admin, 'Luku Oy')
    expect((await reader.get('/api/v1/tags')).statusCode).toBe(200)
    expect((await reader.post('/api/v1/tags', { name: 'Ei' })).statusCode).toBe(403)
    const res = await reader.post(`/api/v1/tags/${label.id}/apply`, {
      objectType: 'company',
      ids: [c.id],
    })
    expect(res.statusCode).toBe(403)
  })
})

describe('workspaces', () => {
  it("answers 404 for another workspace's tag, for edits and bulk tagging", async () => {
    const other = await makeWorkspace(t, 'Toinen Oy')
    const theirs = await tag(other, 'Heidän')
    const c = await company(admin, 'Oma Oy')
    expect((await admin.patch(`/api/v1/tags/${theirs.id}`, { name: 'X' })).statusCode).toBe(404)
    expect((await admin.delete(`/api/v1/tags/${theirs.id}`)).statusCode).toBe(404)
    const apply = await admin.post(`/api/v1/tags/${theirs.id}/apply`, {
      objectType: 'company',
      ids: [c.id],
    })
    expect(apply.statusCode).toBe(404)
    const theirCompany = await company(other, 'Heidän Oy')
    const mine = await tag(admin, 'Oma')
    const cross = await admin.post(`/api/v1/tags/${mine.id}/apply`, {
      objectType: 'company',
      ids: [theirCompany.id],
    })
    expect(cross.statusCode).toBe(404)
  })

  it("refuses another workspace's tag in tagIds on company create with unknown_reference", async () => {
    const other = await makeWorkspace(t, 'Kolmas Oy')
    const theirs = await tag(other, 'Vieras')
    const res = await admin.post('/api/v1/companies', {
      name: 'Vieras Tagi Oy',
      tagIds: [theirs.id],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'tagId', code: 'unknown_reference' })
    expect(
      (await admin.get('/api/v1/companies?filter[name][eq]=Vieras Tagi Oy')).json().data,
    ).toHaveLength(0)
  })
})
