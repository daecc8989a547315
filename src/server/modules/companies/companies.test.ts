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

describe('POST /api/v1/companies', () => {
  it('creates a company, normalising the business ID and domain, and records it in the timeline', async () => {
    const res = await admin.post('/api/v1/companies', {
      name: 'Kahvila Kuppi Oy',
      businessId: '0737546-2',
      domain: 'https://www.kuppi.fi/yhteystiedot',
      tier: 'A',
      addresses: [{ street: 'Aleksanterinkatu 1', postalCode: '00100', city: 'Helsinki' }],
    })
    expect(res.statusCode).toBe(201)
    const company = res.json()
    expect(company).toMatchObject({
      name: 'Kahvila Kuppi Oy',
      businessId: '0737546-2',
      domain: 'kuppi.fi',
      tier: 'A',
      ownerId: admin.userId,
    })
    const timeline = await admin.get(`/api/v1/companies/${company.id}/timeline`)
    expect(timeline.json().data.map((e: { eventType: string }) => e.eventType)).toEqual(['created'])
  })

  it('answers 400 naming the field when the business ID check digit is wrong, and writes nothing', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/companies',
      headers: { 'accept-language': 'fi' },
      payload: { name: 'Väärä Oy', businessId: '0737546-3' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json()
    expect(body.code).toBe('VALIDATION_FAILED')
    expect(body.errors).toEqual([
      expect.objectContaining({ path: 'businessId', code: 'invalid_business_id' }),
    ])
    expect(body.errors[0].message).toContain('Y-tunnus')
    const list = await admin.get('/api/v1/companies?filter[name][eq]=Väärä Oy')
    expect(list.json().data).toHaveLength(0)
  })

  it('tells a missing name from a name of the wrong type', async () => {
    const missing = await admin.post('/api/v1/companies', { tier: 'A' })
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ path: 'name', code: 'required' }),
    ])
    const wrongType = await admin.post('/api/v1/companies', { name: 42 })
    expect(wrongType.json().errors).toEqual([
      expect.objectContaining({ path: 'name', code: 'invalid_type' }),
    ])
  })

  it('refuses unknown fields and malformed JSON with a stable code', async () => {
    const unknown = await admin.post('/api/v1/companies', { name: 'X', colour: 'red' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0]).toMatchObject({ path: 'colour', code: 'unrecognized_keys' })
    const malformed = await admin.request({
      method: 'POST',
      url: '/api/v1/companies',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().code).toBe('INVALID_JSON')
  })
})

describe('GET /api/v1/companies', () => {
  it('pages through a filtered, sorted list with a cursor', async () => {
    const ws = await makeWorkspace(t)
    const records = Array.from({ length: 25 }, (_, i) => ({
      name: `Yritys ${String(i).padStart(2, '0')}`,
      tier: i % 2 ? 'A' : 'B',
    }))
    expect((await ws.post('/api/v1/companies/bulk', { records })).statusCode).toBe(201)
    const names: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/companies?filter[tier][eq]=A&sort=name&limit=5${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await ws.get(url)).json()
      names.push(...page.data.map((c: { name: string }) => c.name))
      cursor = page.nextCursor
    } while (cursor)
    expect(names).toEqual(
      records
        .filter((r) => r.tier === 'A')
        .map((r) => r.name)
        .sort(),
    )
  })

  it('finds a company by a misspelt name', async () => {
    const ws = await makeWorkspace(t)
    await ws.post('/api/v1/companies', { name: 'Pohjolan Rakennus Oy' })
    await ws.post('/api/v1/companies', { name: 'Lapin Kulta Oy' })
    const res = await ws.get('/api/v1/companies?q=pohjoln%20rakenus')
    expect(res.json().data.map((c: { name: string }) => c.name)).toEqual(['Pohjolan Rakennus Oy'])
  })

  it('answers 400 for an unknown filter field or a bad cursor', async () => {
    expect(
      (await admin.get('/api/v1/companies?filter[colour][eq]=red')).json().errors[0].path,
    ).toBe('filter.colour.eq')
    expect((await admin.get('/api/v1/companies?cursor=notacursor')).json().errors[0].code).toBe(
      'invalid_cursor',
    )
  })
})

describe('PATCH and DELETE /api/v1/companies/:id', () => {
  it('keeps old and new values of each changed field in the timeline', async () => {
    const created = (
      await admin.post('/api/v1/companies', { name: 'Vanha Nimi Oy', tier: 'C' })
    ).json()
    const res = await admin.patch(`/api/v1/companies/${created.id}`, { name: 'Uusi Nimi Oy' })
    expect(res.statusCode).toBe(200)
    const events = (await admin.get(`/api/v1/companies/${created.id}/timeline`)).json().data
    expect(events[0]).toMatchObject({
      eventType: 'updated',
      changes: [{ field: 'name', old: 'Vanha Nimi Oy', new: 'Uusi Nimi Oy' }],
    })
  })

  it('refuses a parent company that would make a cycle', async () => {
    const parent = (await admin.post('/api/v1/companies', { name: 'Emo Oy' })).json()
    const child = (
      await admin.post('/api/v1/companies', { name: 'Tytär Oy', parentId: parent.id })
    ).json()
    const res = await admin.patch(`/api/v1/companies/${parent.id}`, { parentId: child.id })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'parentId', code: 'cycle' })
  })

  it('soft-deletes and restores a company', async () => {
    const created = (await admin.post('/api/v1/companies', { name: 'Poistettava Oy' })).json()
    expect((await admin.delete(`/api/v1/companies/${created.id}`)).statusCode).toBe(204)
    expect(
      (await admin.get('/api/v1/companies?filter[name][eq]=Poistettava Oy')).json().data,
    ).toHaveLength(0)
    const restored = await admin.post(`/api/v1/companies/${created.id}/restore`)
    expect(restored.json().deletedAt).toBeNull()
  })
})

describe('access', () => {
  it('answers 404 for a company of another workspace, for reads and writes', async () => {
    const other = await makeWorkspace(t, 'Toinen Oy')
    const theirs = (await other.post('/api/v1/companies', { name: 'Salainen Oy' })).json()
    expect((await admin.get(`/api/v1/companies/${theirs.id}`)).statusCode).toBe(404)
    expect(
      (await admin.patch(`/api/v1/companies/${theirs.id}`, { name: 'Hakkeroitu' })).statusCode,
    ).toBe(404)
    expect((await admin.delete(`/api/v1/companies/${theirs.id}`)).statusCode).toBe(404)
    expect((await other.get(`/api/v1/companies/${theirs.id}`)).json().name).toBe('Salainen Oy')
  })

  it('refuses a parent from another workspace', async () => {
    const other = await makeWorkspace(t, 'Kolmas Oy')
    const theirs = (await other.post('/api/v1/companies', { name: 'Vieras Emo Oy' })).json()
    const res = await admin.post('/api/v1/companies', { name: 'Lapsi Oy', parentId: theirs.id })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'parentId', code: 'unknown_reference' })
  })

  it('lets read-only users read but not write, and own-scope users see only their own', async () => {
    const reader = await makeMember(t, admin.workspaceId, 'read-only')
    expect((await reader.get('/api/v1/companies')).statusCode).toBe(200)
    expect((await reader.post('/api/v1/companies', { name: 'Ei Saa Oy' })).statusCode).toBe(403)
    const seller = await makeMember(t, admin.workspaceId, 'sales', 'own')
    const mine = (await seller.post('/api/v1/companies', { name: 'Oma Asiakas Oy' })).json()
    const notMine = (await admin.post('/api/v1/companies', { name: 'Toisen Asiakas Oy' })).json()
    const seen = (await seller.get('/api/v1/companies?limit=500'))
      .json()
      .data.map((c: { id: string }) => c.id)
    expect(seen).toEqual([mine.id])
    expect((await seller.get(`/api/v1/companies/${notMine.id}`)).statusCode).toBe(404)
  })
})
