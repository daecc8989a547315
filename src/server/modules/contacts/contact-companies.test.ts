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

type Link = { companyId: string; name: string; role: string | null; isPrimary: boolean }
type Event = { eventType: string; changes: unknown; data: Record<string, unknown> | null }

const newCompany = async (ws: Client, name: string) =>
  (await ws.post('/api/v1/companies', { name })).json() as { id: string }
const put = (ws: Client, url: string, payload: object) =>
  ws.request({ method: 'PUT', url, payload })
const events = async (ws: Client, url: string): Promise<Event[]> =>
  (await ws.get(`${url}/timeline`)).json().data

describe('contact–company links', () => {
  it('links a contact to companies with a role, keeps one primary and switches it', async () => {
    const kuppi = await newCompany(admin, 'Kahvila Kuppi Oy')
    const paahto = await newCompany(admin, 'Paahtimo Oy')
    const created = await admin.post('/api/v1/contacts', {
      firstName: 'Eero',
      lastName: 'Laine',
      companies: [{ companyId: kuppi.id, role: 'Toimitusjohtaja', isPrimary: true }],
    })
    expect(created.statusCode).toBe(201)
    const contact = created.json()
    expect(contact.companies).toEqual([
      { companyId: kuppi.id, name: 'Kahvila Kuppi Oy', role: 'Toimitusjohtaja', isPrimary: true },
    ])
    const switched = await put(admin, `/api/v1/contacts/${contact.id}/companies/${paahto.id}`, {
      role: 'Hallituksen jäsen',
      isPrimary: true,
    })
    expect(switched.statusCode).toBe(200)
    expect(switched.json().companies.map((l: Link) => [l.name, l.isPrimary])).toEqual([
      ['Paahtimo Oy', true],
      ['Kahvila Kuppi Oy', false],
    ])
    const rows = await t.deps.db
      .selectFrom('contact_companies')
      .select(['company_id', 'is_primary'])
      .where('workspace_id', '=', admin.workspaceId)
      .where('contact_id', '=', contact.id)
      .where('is_primary', '=', true)
      .execute()
    expect(rows).toEqual([{ company_id: paahto.id, is_primary: true }])
  })

  it('replaces the set of companies on update and unlinks one, telling both timelines', async () => {
    const a = await newCompany(admin, 'Aalto Oy')
    const b = await newCompany(admin, 'Beta Oy')
    const contact = (
      await admin.post('/api/v1/contacts', {
        lastName: 'Siirtyjä',
        companies: [{ companyId: a.id, role: 'Myyjä' }],
      })
    ).json()
    const patched = await admin.patch(`/api/v1/contacts/${contact.id}`, {
      companies: [{ companyId: b.id, role: 'Myyntipäällikkö', isPrimary: true }],
    })
    expect(patched.json().companies.map((l: Link) => l.companyId)).toEqual([b.id])
    const contactEvents = await events(admin, `/api/v1/contacts/${contact.id}`)
    expect(contactEvents.map((e) => [e.eventType, e.data?.companyId ?? null])).toEqual([
      ['linked', b.id],
      ['unlinked', a.id],
      ['linked', a.id],
      ['created', null],
    ])
    const unlink = await admin.delete(`/api/v1/contacts/${contact.id}/companies/${b.id}`)
    expect(unlink.statusCode).toBe(204)
    const companyEvents = await events(admin, `/api/v1/companies/${b.id}`)
    expect(companyEvents.map((e) => [e.eventType, e.data?.contactId ?? null])).toEqual([
      ['unlinked', contact.id],
      ['linked', contact.id],
      ['created', null],
    ])
    expect(companyEvents[1]?.data).toMatchObject({ role: 'Myyntipäällikkö', isPrimary: true })
    const again = await admin.delete(`/api/v1/contacts/${contact.id}/companies/${b.id}`)
    expect(again.statusCode).toBe(404)
  })

  it('keeps field-level old and new values in the timeline', async () => {
    const contact = (
      await admin.post('/api/v1/contacts', {
        lastName: 'Vanha',
        phones: [{ number: '0401111111' }],
      })
    ).json()
    await admin.patch(`/api/v1/contacts/${contact.id}`, {
      lastName: 'Uusi',
      phones: [{ number: '050 222 2222' }],
    })
    const [updated] = await events(admin, `/api/v1/contacts/${contact.id}`)
    expect(updated).toMatchObject({
      eventType: 'updated',
      changes: [
        { field: 'lastName', old: 'Vanha', new: 'Uusi' },
        {
          field: 'phones',
          old: [{ number: '+358401111111', label: null }],
          new: [{ number: '+358502222222', label: null }],
        },
      ],
    })
  })

  it("refuses a link to another workspace's company with unknown_reference", async () => {
    const other = await makeWorkspace(t, 'Vieras Oy')
    const theirs = await newCompany(other, 'Vieras Yritys Oy')
    const res = await admin.post('/api/v1/contacts', {
      lastName: 'Linkittäjä',
      companies: [{ companyId: theirs.id }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({
      path: 'companies.0.companyId',
      code: 'unknown_reference',
    })
    const mine = (await admin.post('/api/v1/contacts', { lastName: 'Linkittäjä' })).json()
    const put400 = await put(admin, `/api/v1/contacts/${mine.id}/companies/${theirs.id}`, {})
    expect(put400.statusCode).toBe(400)
    expect(put400.json().errors[0]).toMatchObject({ code: 'unknown_reference' })
  })

  it("lists a company's contacts with their role, and filters contacts by companyId", async () => {
    const ws = await makeWorkspace(t)
    const firm = await newCompany(ws, 'Tilitoimisto Oy')
    await ws.post('/api/v1/contacts/bulk', {
      records: [
        { lastName: 'Kirjanpitäjä', companies: [{ companyId: firm.id, role: 'Kirjanpitäjä' }] },
        { lastName: 'Ulkopuolinen' },
      ],
    })
    const res = await ws.get(`/api/v1/companies/${firm.id}/contacts`)
    expect(res.statusCode).toBe(200)
    expect(
      res.json().data.map((c: { lastName: string; role: string }) => [c.lastName, c.role]),
    ).toEqual([['Kirjanpitäjä', 'Kirjanpitäjä']])
    const filtered = await ws.get(`/api/v1/contacts?filter[companyId][eq]=${firm.id}`)
    expect(filtered.json().data.map((c: { lastName: string }) => c.lastName)).toEqual([
      'Kirjanpitäjä',
    ])
    expect((await admin.get(`/api/v1/companies/${firm.id}/contacts`)).statusCode).toBe(404)
  })
})

describe('links under own visibility', () => {
  it('keeps a link to a company the user cannot see, but refuses a new link to one', async () => {
    const ws = await makeWorkspace(t)
    const seller = await makeMember(t, ws.workspaceId, 'sales', 'own')
    const hidden = await newCompany(ws, 'Pääkonttori Oy')
    const own = await newCompany(seller, 'Oma Yritys Oy')
    const contact = (await seller.post('/api/v1/contacts', { lastName: 'Myyjän Asiakas' })).json()
    const byAdmin = await put(ws, `/api/v1/contacts/${contact.id}/companies/${hidden.id}`, {
      role: 'Ostaja',
    })
    expect(byAdmin.statusCode).toBe(200)
    const kept = await seller.patch(`/api/v1/contacts/${contact.id}`, {
      companies: [
        { companyId: hidden.id, role: 'Ostaja' },
        { companyId: own.id, isPrimary: true },
      ],
    })
    expect(kept.statusCode).toBe(200)
    expect(kept.json().companies.map((l: Link) => l.companyId)).toEqual([own.id, hidden.id])
    const other = await newCompany(ws, 'Toinen Konttori Oy')
    const refused = await put(seller, `/api/v1/contacts/${contact.id}/companies/${other.id}`, {})
    expect(refused.statusCode).toBe(400)
  })
})

describe('duplicate warnings', () => {
  it('finds contacts that share the normalised email or phone', async () => {
    const ws = await makeWorkspace(t)
    const existing = (
      await ws.post('/api/v1/contacts', {
        lastName: 'Olemassa',
        emails: [{ address: 'olemassa@example.fi' }],
        phones: [{ number: '040 555 1234' }],
      })
    ).json()
    const byEmail = await ws.get('/api/v1/contacts/duplicates?email=OLEMASSA@example.fi')
    expect(byEmail.json().data.map((c: { id: string }) => c.id)).toEqual([existing.id])
    const byPhone = await ws.get('/api/v1/contacts/duplicates?phone=%2B358405551234')
    expect(byPhone.json().data.map((c: { id: string }) => c.id)).toEqual([existing.id])
    const none = await ws.get('/api/v1/contacts/duplicates?email=uusi@example.fi')
    expect(none.json().data).toEqual([])
    const bad = await ws.get('/api/v1/contacts/duplicates?phone=abc')
    expect(bad.json().errors[0]).toMatchObject({ path: 'phone', code: 'invalid_phone' })
  })

  it('finds companies with the same business ID, domain or a similar name', async () => {
    const ws = await makeWorkspace(t)
    const kuppi = (
      await ws.post('/api/v1/companies', {
        name: 'Kahvila Kuppi Oy',
        businessId: '0737546-2',
        domain: 'kuppi.fi',
      })
    ).json()
    await ws.post('/api/v1/companies', { name: 'Rautakauppa Oy' })
    const ids = async (q: string) =>
      (await ws.get(`/api/v1/companies/duplicates?${q}`))
        .json()
        .data.map((c: { id: string }) => c.id)
    expect(await ids('businessId=07375462')).toEqual([kuppi.id])
    expect(await ids('domain=https://www.kuppi.fi/')).toEqual([kuppi.id])
    expect(await ids('name=Kahvila%20Kuppi')).toEqual([kuppi.id])
    expect(await ids('name=Leipomo%20Lämmin')).toEqual([])
    const bad = await ws.get('/api/v1/companies/duplicates?businessId=123')
    expect(bad.json().errors[0]).toMatchObject({ path: 'businessId', code: 'invalid_business_id' })
  })
})
