import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { listContacts } from './contacts-read.service'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

type Named = { id: string; lastName: string | null }
const lastNames = (body: { data: Named[] }) => body.data.map((c) => c.lastName)

describe('POST /api/v1/contacts', () => {
  it('creates a contact with a Finnish phone stored in E.164 and the email lowercased', async () => {
    const res = await admin.post('/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Virtanen',
      emails: [{ address: 'Anna.Virtanen@Example.FI', label: 'työ' }],
      phones: [{ number: '040 123 4567', label: 'mobile' }],
      birthDate: '1985-04-12',
      source: { channel: 'form', utm: { source: 'newsletter', campaign: 'kevät' } },
    })
    expect(res.statusCode).toBe(201)
    const contact = res.json()
    expect(contact).toMatchObject({
      firstName: 'Anna',
      lastName: 'Virtanen',
      emails: [{ address: 'anna.virtanen@example.fi', label: 'työ', primary: true }],
      phones: [{ number: '+358401234567', label: 'mobile' }],
      birthDate: '1985-04-12',
      ownerId: admin.userId,
      companies: [],
    })
    expect(contact.source).toEqual({
      channel: 'form',
      campaign: null,
      utm: { source: 'newsletter', medium: null, campaign: 'kevät', term: null, content: null },
      referrer: null,
      keyword: null,
    })
  })

  it('answers 400 naming emails.0.address and phones.0.number for an invalid email and phone', async () => {
    const res = await admin.post('/api/v1/contacts', {
      lastName: 'Virheellinen',
      emails: [{ address: 'ei-osoite' }],
      phones: [{ number: '123' }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'emails.0.address', code: 'invalid_email' }),
        expect.objectContaining({ path: 'phones.0.number', code: 'invalid_phone' }),
      ]),
    )
    const list = await admin.get('/api/v1/contacts?filter[lastName][eq]=Virheellinen')
    expect(list.json().data).toHaveLength(0)
  })

  it('refuses unknown fields, a contact without name or email, and two primary emails', async () => {
    const unknown = await admin.post('/api/v1/contacts', { lastName: 'X', shoeSize: 44 })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0]).toMatchObject({ path: 'shoeSize', code: 'unrecognized_keys' })
    const empty = await admin.post('/api/v1/contacts', { title: 'CEO' })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().errors[0]).toMatchObject({
      path: 'lastName',
      code: 'name_or_email_required',
    })
    const twoPrimaries = await admin.post('/api/v1/contacts', {
      emails: [
        { address: 'a@example.fi', primary: true },
        { address: 'b@example.fi', primary: true },
      ],
    })
    expect(twoPrimaries.statusCode).toBe(400)
    expect(twoPrimaries.json().errors[0]).toMatchObject({
      path: 'emails.1.primary',
      code: 'multiple_primary',
    })
  })

  it('refuses a patch that would leave the contact without name or email', async () => {
    const created = (await admin.post('/api/v1/contacts', { lastName: 'Nimetön' })).json()
    const res = await admin.patch(`/api/v1/contacts/${created.id}`, { lastName: null })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'lastName' })
  })
})

describe('POST /api/v1/contacts/bulk', () => {
  it('creates 1,000 contacts in one call', async () => {
    const ws = await makeWorkspace(t)
    const records = Array.from({ length: 1000 }, (_, i) => ({
      firstName: 'Henkilö',
      lastName: `Numero ${i}`,
      emails: [{ address: `henkilo${i}@example.fi` }],
    }))
    const res = await ws.post('/api/v1/contacts/bulk', { records })
    expect(res.statusCode).toBe(201)
    expect(res.json().data).toHaveLength(1000)
    const page = (await ws.get('/api/v1/contacts?includeTotal=true&limit=1')).json()
    expect(page.total).toBe(1000)
  })

  it('writes nothing when one record is bad, and names records.N', async () => {
    const ws = await makeWorkspace(t)
    const records = [
      { lastName: 'Hyvä' },
      { lastName: 'Huono', phones: [{ number: 'soita minulle' }] },
    ]
    const res = await ws.post('/api/v1/contacts/bulk', { records })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].path).toBe('records.1.phones.0.number')
    const page = (await ws.get('/api/v1/contacts?includeTotal=true')).json()
    expect(page.total).toBe(0)
  })
})

describe('GET /api/v1/contacts', () => {
  it('filters by email, phone and a custom field', async () => {
    const ws = await makeWorkspace(t)
    const def = await ws.post('/api/v1/custom-fields', {
      objectType: 'contact',
      key: 'shoe_size',
      labelFi: 'Kengänkoko',
      labelEn: 'Shoe size',
      type: 'number',
    })
    expect(def.statusCode).toBe(201)
    await ws.post('/api/v1/contacts/bulk', {
      records: [
        {
          lastName: 'Korhonen',
          emails: [{ address: 'matti@korhonen.fi' }],
          custom: { shoe_size: 44 },
        },
        { lastName: 'Mäkinen', phones: [{ number: '050 765 4321' }], custom: { shoe_size: 38 } },
        { lastName: 'Nieminen', emails: [{ address: 'liisa@nieminen.fi' }] },
      ],
    })
    const byEmail = await ws.get('/api/v1/contacts?filter[email][eq]=MATTI@korhonen.fi')
    expect(lastNames(byEmail.json())).toEqual(['Korhonen'])
    const byDomain = await ws.get('/api/v1/contacts?filter[email][contains]=nieminen')
    expect(lastNames(byDomain.json())).toEqual(['Nieminen'])
    const byPhone = await ws.get('/api/v1/contacts?filter[phone][eq]=0507654321')
    expect(lastNames(byPhone.json())).toEqual(['Mäkinen'])
    const bySize = await ws.get('/api/v1/contacts?filter[custom.shoe_size][gte]=40')
    expect(lastNames(bySize.json())).toEqual(['Korhonen'])
    const sorted = await ws.get('/api/v1/contacts?sort=custom.shoe_size')
    expect(lastNames(sorted.json())).toEqual(['Mäkinen', 'Korhonen', 'Nieminen'])
    const bad = await ws.get('/api/v1/contacts?filter[phone][gt]=1')
    expect(bad.json().errors[0]).toMatchObject({ path: 'filter.phone.gt', code: 'invalid_filter' })
  })

  it('pages through a sorted list with a cursor', async () => {
    const ws = await makeWorkspace(t)
    const records = Array.from({ length: 23 }, (_, i) => ({
      lastName: `Sukunimi ${String(i).padStart(2, '0')}`,
    }))
    await ws.post('/api/v1/contacts/bulk', { records })
    const names: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/contacts?sort=lastName&limit=5${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await ws.get(url)).json()
      names.push(...lastNames(page).map(String))
      cursor = page.nextCursor
    } while (cursor)
    expect(names).toEqual(records.map((r) => r.lastName))
  })

  it('ranks a search among bounded candidates; sorted, it pages through every match', async () => {
    const ws = await makeWorkspace(t)
    // More people whose name starts with the words than a ranked search reads (200): the
    // names are enough, so the ranked pages end at the bound.
    const records = [
      ...Array.from({ length: 230 }, (_, i) => ({ firstName: `Etu${i}`, lastName: 'Korhonen' })),
      { lastName: 'Laine', emails: [{ address: 'pekka@esimerkki.fi' }] },
    ]
    expect((await ws.post('/api/v1/contacts/bulk', { records })).statusCode).toBe(201)
    const pages = async (query: string) => {
      const seen: Named[] = []
      let cursor: string | null = null
      do {
        const url: string = `/api/v1/contacts?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`
        const page = (await ws.get(url)).json()
        seen.push(...page.data)
        cursor = page.nextCursor
      } while (cursor)
      return seen
    }
    const ranked = await pages('q=korho')
    expect(ranked).toHaveLength(200)
    expect(new Set(ranked.map((c) => c.id)).size).toBe(200)
    expect(ranked.every((c) => c.lastName === 'Korhonen')).toBe(true)
    const sorted = await pages('q=korho&sort=lastName')
    expect(sorted).toHaveLength(230)
    // No name starts with the words: stems and substrings are read, and find the email.
    const rare = await pages('q=esimerk')
    expect(lastNames({ data: rare })).toEqual(['Laine'])
  })

  it('answers one or two letters with last names that start with them and whole words, ranked, sorted and counted', async () => {
    const ws = await makeWorkspace(t)
    await ws.post('/api/v1/contacts/bulk', {
      records: [
        { firstName: 'Aku', lastName: 'Peltonen' },
        { firstName: 'Pertti', lastName: 'Lampela' },
        { firstName: 'Pe', lastName: 'Virta' },
      ],
    })
    const names = async (query: string) => {
      const res = await ws.get(`/api/v1/contacts?${query}&includeTotal=true`)
      expect(res.statusCode).toBe(200)
      return { names: lastNames(res.json()).sort(), total: res.json().total }
    }
    // "pe" is inside Lampela and starts Pertti, but a trigram index cannot narrow on two
    // letters: only the last name's prefix and the whole word "Pe" match.
    const short = { names: ['Peltonen', 'Virta'], total: 2 }
    expect(await names('q=pe')).toEqual(short)
    expect(await names('q=PE&sort=lastName')).toEqual(short)
    // Three letters have trigrams: substrings match again.
    expect(await names('q=pel')).toEqual({ names: ['Lampela', 'Peltonen'], total: 2 })
    expect(await names('q=pel&sort=lastName')).toEqual({ names: ['Lampela', 'Peltonen'], total: 2 })
  })

  it('skips the costlier reads of a search nobody waits for any more', async () => {
    const ws = await makeWorkspace(t)
    const contact = (
      await ws.post('/api/v1/contacts', { lastName: 'Laine', emails: [{ address: 'a@ohitus.fi' }] })
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
    // No last name starts with the text: the words and substrings are a second read.
    const query = { q: 'ohitus', limit: 50, includeTotal: 'true' } as const
    const typedPast = new AbortController()
    typedPast.abort()
    expect(await listContacts(t.deps, actor, query, 'list', typedPast.signal)).toEqual({
      data: [],
      nextCursor: null,
    })
    const page = await listContacts(t.deps, actor, query)
    expect(page.data.map((c) => c.id)).toEqual([contact.id])
    expect(page.total).toBe(1)
  })

  it('finds people by a misspelt last name, by phone in national form, and by email', async () => {
    const ws = await makeWorkspace(t)
    await ws.post('/api/v1/contacts/bulk', {
      records: [
        { firstName: 'Pekka', lastName: 'Hämäläinen', phones: [{ number: '+358 40 123 4567' }] },
        { firstName: 'Sari', lastName: 'Laaksonen', emails: [{ address: 'sari@lakso.fi' }] },
      ],
    })
    const typo = await ws.get('/api/v1/contacts?q=hamalainen')
    expect(lastNames(typo.json())).toEqual(['Hämäläinen'])
    const typo2 = await ws.get('/api/v1/contacts?q=Hämälänen')
    expect(lastNames(typo2.json())).toEqual(['Hämäläinen'])
    const phone = await ws.get(`/api/v1/contacts?q=${encodeURIComponent('040 123 4567')}`)
    expect(lastNames(phone.json())).toEqual(['Hämäläinen'])
    const email = await ws.get('/api/v1/contacts?q=sari@lakso.fi')
    expect(lastNames(email.json())).toEqual(['Laaksonen'])
  })
})

describe('audit of reads', () => {
  it('records each read of a contact, page and timeline in the audit log with the request id', async () => {
    const ws = await makeWorkspace(t)
    const contact = (await ws.post('/api/v1/contacts', { lastName: 'Luettava' })).json()
    const get = await ws.request({
      method: 'GET',
      url: `/api/v1/contacts/${contact.id}`,
      headers: { 'x-request-id': 'audit-test-get' },
    })
    expect(get.statusCode).toBe(200)
    await ws.get('/api/v1/contacts')
    await ws.get(`/api/v1/contacts/${contact.id}/timeline`)
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', ws.workspaceId)
      .where('object_type', '=', 'contact')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    expect(rows.map((r) => [r.action, r.record_id])).toEqual([
      ['create', contact.id],
      ['read', contact.id],
      ['list', contact.id],
      ['read', contact.id],
    ])
    expect(rows[1]).toMatchObject({ actor_user_id: ws.userId, request_id: 'audit-test-get' })
  })

  it('groups a large list page into one audit entry with the ids', async () => {
    const ws = await makeWorkspace(t)
    const records = Array.from({ length: 30 }, (_, i) => ({ lastName: `Joukko ${i}` }))
    await ws.post('/api/v1/contacts/bulk', { records })
    await ws.get('/api/v1/contacts?limit=25')
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', ws.workspaceId)
      .where('action', '=', 'list')
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.record_count).toBe(25)
    expect((rows[0]?.details as { recordIds: string[] }).recordIds).toHaveLength(25)
  })
})

describe('access', () => {
  it('answers 404 for a contact of another workspace, for reads, writes and links', async () => {
    const other = await makeWorkspace(t, 'Toinen Oy')
    const theirs = (await other.post('/api/v1/contacts', { lastName: 'Salainen' })).json()
    const company = (await admin.post('/api/v1/companies', { name: 'Oma Oy' })).json()
    expect((await admin.get(`/api/v1/contacts/${theirs.id}`)).statusCode).toBe(404)
    expect((await admin.get(`/api/v1/contacts/${theirs.id}/timeline`)).statusCode).toBe(404)
    expect(
      (await admin.patch(`/api/v1/contacts/${theirs.id}`, { lastName: 'Hakkeroitu' })).statusCode,
    ).toBe(404)
    expect((await admin.delete(`/api/v1/contacts/${theirs.id}`)).statusCode).toBe(404)
    const link = await admin.request({
      method: 'PUT',
      url: `/api/v1/contacts/${theirs.id}/companies/${company.id}`,
      payload: {},
    })
    expect(link.statusCode).toBe(404)
    expect((await other.get(`/api/v1/contacts/${theirs.id}`)).json().lastName).toBe('Salainen')
  })

  it('lets read-only users read but not write, and own-scope users see only their own', async () => {
    const ws = await makeWorkspace(t)
    const reader = await makeMember(t, ws.workspaceId, 'read-only')
    expect((await reader.get('/api/v1/contacts')).statusCode).toBe(200)
    expect((await reader.post('/api/v1/contacts', { lastName: 'Ei Saa' })).statusCode).toBe(403)
    const seller = await makeMember(t, ws.workspaceId, 'sales', 'own')
    const mine = (await seller.post('/api/v1/contacts', { lastName: 'Oma' })).json()
    const notMine = (await ws.post('/api/v1/contacts', { lastName: 'Toisen' })).json()
    const seen = (await seller.get('/api/v1/contacts')).json().data.map((c: Named) => c.id)
    expect(seen).toEqual([mine.id])
    expect((await seller.get(`/api/v1/contacts/${notMine.id}`)).statusCode).toBe(404)
    expect((await seller.patch(`/api/v1/contacts/${notMine.id}`, { title: 'x' })).statusCode).toBe(
      404,
    )
  })

  it('soft-deletes and restores a contact', async () => {
    const created = (await admin.post('/api/v1/contacts', { lastName: 'Poistettava' })).json()
    expect((await admin.delete(`/api/v1/contacts/${created.id}`)).statusCode).toBe(204)
    const list = await admin.get('/api/v1/contacts?filter[lastName][eq]=Poistettava')
    expect(list.json().data).toHaveLength(0)
    const restored = await admin.post(`/api/v1/contacts/${created.id}/restore`)
    expect(restored.json().deletedAt).toBeNull()
  })
})
