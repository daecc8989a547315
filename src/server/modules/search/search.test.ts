import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { search } from './search.service'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

type Result = { type: string; id: string; title: string; subtitle: string | null; score: number }

async function find(client: Client, q: string, extra = ''): Promise<Result[]> {
  const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`)
  expect(res.statusCode).toBe(200)
  return res.json().data
}

describe('GET /api/v1/search', () => {
  it('finds a company by a misspelt name', async () => {
    const ws = await makeWorkspace(t)
    const c = (
      await ws.post('/api/v1/companies', {
        name: 'Pohjolan Rakennus Oy',
        businessId: '0737546-2',
        addresses: [{ city: 'Oulu' }],
      })
    ).json()
    await ws.post('/api/v1/companies', { name: 'Lapin Kulta Oy' })
    const results = await find(ws, 'pohjoln rakenus')
    expect(results).toEqual([
      {
        type: 'company',
        id: c.id,
        title: 'Pohjolan Rakennus Oy',
        subtitle: '0737546-2 · Oulu',
        score: expect.any(Number),
      },
    ])
  })

  it('finds Finnish inflected forms through stemming', async () => {
    const ws = await makeWorkspace(t)
    const cafe = (await ws.post('/api/v1/companies', { name: 'Helsingin Kahvila' })).json()
    const contact = await ws.post('/api/v1/contacts', {
      firstName: 'Liisa',
      lastName: 'Virtanen',
      title: 'Myyntipäällikkö',
    })
    expect(contact.statusCode).toBe(201)
    expect((await find(ws, 'kahvilat')).map((r) => r.id)).toEqual([cafe.id])
    expect(await find(ws, 'myyntipäällikön')).toEqual([
      expect.objectContaining({ type: 'contact', id: contact.json().id, title: 'Liisa Virtanen' }),
    ])
  })

  it('searches activities too, and only the asked types', async () => {
    const ws = await makeWorkspace(t)
    const company = (await ws.post('/api/v1/companies', { name: 'Tarjous Oy' })).json()
    const activity = await ws.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Tarjouspalaveri',
      companyId: company.id,
    })
    expect(activity.statusCode).toBe(201)
    const both = await find(ws, 'tarjous')
    expect(both.map((r) => r.type).sort()).toEqual(['activity', 'company'])
    const onlyActivities = await find(ws, 'tarjous', '&types=activity')
    expect(onlyActivities.map((r) => r.id)).toEqual([activity.json().id])
    const bad = await ws.get('/api/v1/search?q=x&types=company,deal')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('querystring.types')
  })

  it('answers one or two letters with names that start with them, not letters inside words', async () => {
    const ws = await makeWorkspace(t)
    const contact = (
      await ws.post('/api/v1/contacts', { firstName: 'Aku', lastName: 'Peltonen' })
    ).json()
    const company = (await ws.post('/api/v1/companies', { name: 'Kuopion Peruna Oy' })).json()
    expect((await find(ws, 'pe')).map((r) => r.id)).toEqual([contact.id])
    expect((await find(ws, 'peru')).map((r) => r.id)).toContain(company.id)
  })

  it('never shows another workspace’s records nor deleted ones', async () => {
    const mine = await makeWorkspace(t)
    const theirs = await makeWorkspace(t)
    await theirs.post('/api/v1/companies', { name: 'Salainen Sampo Oy' })
    const deleted = (await mine.post('/api/v1/companies', { name: 'Sammunut Sampo Oy' })).json()
    await mine.delete(`/api/v1/companies/${deleted.id}`)
    expect(await find(mine, 'sampo')).toEqual([])
  })

  it('shows an own-scope user only their own records', async () => {
    const admin = await makeWorkspace(t)
    const seller = await makeMember(t, admin.workspaceId, 'sales', 'own')
    const own = (await seller.post('/api/v1/companies', { name: 'Oma Myllyn Oy' })).json()
    await admin.post('/api/v1/companies', { name: 'Pomon Myllyn Oy' })
    expect((await find(seller, 'myllyn')).map((r) => r.id)).toEqual([own.id])
    expect(await find(admin, 'myllyn')).toHaveLength(2)
  })

  it('answers nothing and logs nothing when nobody waits for the answer any more', async () => {
    const ws = await makeWorkspace(t)
    const contact = (
      await ws.post('/api/v1/contacts', { firstName: 'Aino', lastName: 'Ohitettava' })
    ).json()
    const actor = {
      workspaceId: ws.workspaceId,
      userId: ws.userId,
      role: 'admin' as const,
      scope: 'all' as const,
      apiKeyId: null,
      apiKeyScopes: null,
      requestId: null,
      ip: null,
    }
    const typedPast = new AbortController()
    typedPast.abort()
    const query = { q: 'ohitettava', limit: 20 }
    expect(await search(t.deps, actor, query, typedPast.signal)).toEqual([])
    const entries = (await ws.get(`/api/v1/audit-log?recordId=${contact.id}&action=list`)).json()
    expect(entries.data).toEqual([])
    expect((await search(t.deps, actor, query)).map((r) => r.id)).toEqual([contact.id])
  })

  it('logs that contacts were shown in the results', async () => {
    const ws = await makeWorkspace(t)
    const contact = (
      await ws.post('/api/v1/contacts', { firstName: 'Aino', lastName: 'Auditoitava' })
    ).json()
    await find(ws, 'auditoitava')
    const entries = (await ws.get(`/api/v1/audit-log?recordId=${contact.id}&action=list`)).json()
    expect(entries.data).toEqual([
      expect.objectContaining({ objectType: 'contact', details: { via: 'search' } }),
    ])
  })
})
