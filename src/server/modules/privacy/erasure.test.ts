import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makePurpose, uniq } from './privacy.fixtures'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

/** Every text, varchar, jsonb and tsvector column of every table, and the rows holding `value`. */
async function findEverywhere(value: string): Promise<string[]> {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'jsonb', 'tsvector', 'ARRAY')`.execute(
    t.deps.db,
  )
  const hits: string[] = []
  for (const c of cols.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(c.table_name)}
      where strpos(lower(${sql.ref(c.column_name)}::text), ${value.toLowerCase()}) > 0`.execute(
      t.deps.db,
    )
    if ((r.rows[0]?.n ?? 0) > 0) hits.push(`${c.table_name}.${c.column_name}`)
  }
  return hits
}

async function personWithHistory() {
  const u = uniq()
  const digits = String(Math.floor(1_000_000 + Math.random() * 8_999_999))
  const fieldKey = `hobby_${uniq()}`
  const field = await admin.post('/api/v1/custom-fields', {
    objectType: 'contact',
    key: fieldKey,
    labelFi: 'Harrastus',
    labelEn: 'Hobby',
    type: 'text',
  })
  expect(field.statusCode, field.body).toBe(201)
  const company = (await admin.post('/api/v1/companies', { name: `Yhtiö ${uniq()}` })).json()
  const res = await admin.post('/api/v1/contacts', {
    firstName: `Eero${u}`,
    lastName: `Poistettava${u}`,
    emails: [{ address: `eero.${u}@example.test` }],
    phones: [{ number: `040 ${digits}` }],
    title: `Johtaja${u}`,
    address: { street: `Poistokatu ${u}`, city: 'Tampere' },
    custom: { [fieldKey]: `Lintuharrastus${u}` },
    companies: [{ companyId: company.id, role: `Rooli${u}` }],
  })
  expect(res.statusCode, res.body).toBe(201)
  const contact = res.json()
  await admin.patch(`/api/v1/contacts/${contact.id}`, { title: `Toimitusjohtaja${u}` })
  const act = await admin.post('/api/v1/activities', {
    type: 'call',
    subject: `Puhelu ${u}`,
    body: `Eero${u} kertoi asiasta`,
    contactId: contact.id,
    durationMinutes: 15,
  })
  expect(act.statusCode, act.body).toBe(201)
  await admin.patch(`/api/v1/activities/${act.json().id}`, { body: `Eero${u} soittaa takaisin` })
  const p = await makePurpose(admin)
  await admin.post(`/api/v1/contacts/${contact.id}/consents`, {
    purposeKey: p.key,
    status: 'granted',
    source: 'form',
    ip: '192.0.2.77',
    userAgent: `Agent-${u}`,
  })
  const request = await admin.post('/api/v1/privacy-requests', {
    contactId: contact.id,
    type: 'erasure',
    notes: `Pyysi puhelimessa, sähköposti eero.${u}@example.test`,
  })
  await admin.get(`/api/v1/contacts/${contact.id}`)
  await admin.get(`/api/v1/contacts?q=eero.${u}`)
  return {
    u,
    contact,
    activityId: act.json().id as string,
    requestId: request.json().id as string,
    e164: `+35840${digits}`,
    national: `040${digits}`,
  }
}

describe('erasure', () => {
  it('leaves none of the person’s values in any text, jsonb or tsvector column of the database', async () => {
    const p = await personWithHistory()
    expect(await findEverywhere(p.u)).not.toEqual([])
    const res = await admin.post(`/api/v1/contacts/${p.contact.id}/erase`, {
      requestId: p.requestId,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      contactId: p.contact.id,
      activities: 1,
      requestId: p.requestId,
    })

    const left = await findEverywhere(p.u)
    expect(left).toEqual([])
    expect(await findEverywhere(p.e164)).toEqual([])
    expect(await findEverywhere(p.national)).toEqual([])
    expect(await findEverywhere('Agent-')).toEqual([])

    // Aggregates stay: the contact, its activity with type and duration, the company link.
    const contact = (await admin.get(`/api/v1/contacts/${p.contact.id}`)).json()
    expect(contact).toMatchObject({ firstName: null, lastName: null, emails: [], phones: [] })
    expect(contact.companies).toHaveLength(1)
    const activity = (await admin.get(`/api/v1/activities/${p.activityId}`)).json()
    expect(activity).toMatchObject({ type: 'call', durationMinutes: 15, contactId: p.contact.id })
    const request = (await admin.get(`/api/v1/privacy-requests/${p.requestId}`)).json()
    expect(request).toMatchObject({ status: 'completed' })
    const consents = (await admin.get(`/api/v1/contacts/${p.contact.id}/consents`)).json()
    expect(consents.history[0]).toMatchObject({ status: 'granted', ip: null, userAgent: null })
    // Staff see the record as anonymised, and the request log no longer names the person.
    expect(new Date(consents.erasedAt).getTime()).toBeGreaterThan(Date.now() - 60_000)
    expect(request.contactName).toBe('')
    // Lists and pickers learn it from the contact itself, to label them "Erased person".
    expect(contact.erasedAt).toBe(consents.erasedAt)
    const listed = await admin.get(
      `/api/v1/contacts?filter[id][eq]=${p.contact.id}&fields=id,erasedAt`,
    )
    expect(listed.json().data).toEqual([{ id: p.contact.id, erasedAt: consents.erasedAt }])
    expect(p.contact.erasedAt).toBeNull()
  })

  it('answers 409 for a person already erased, and flags their email when it comes back', async () => {
    const p = await personWithHistory()
    expect((await admin.post(`/api/v1/contacts/${p.contact.id}/erase`, {})).statusCode).toBe(200)
    const again = await admin.post(`/api/v1/contacts/${p.contact.id}/erase`, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toContain('already been erased')
    const check = await admin.get(
      `/api/v1/privacy/erased-check?email=${encodeURIComponent(`EERO.${p.u}@example.test`)}`,
    )
    expect(check.json()).toMatchObject({ previouslyErased: true, matches: [{ kind: 'email' }] })
    const phone = await admin.get(`/api/v1/privacy/erased-check?phone=${p.national}`)
    expect(phone.json().previouslyErased).toBe(true)
    const other = await admin.get('/api/v1/privacy/erased-check?email=someone.else@example.test')
    expect(other.json().previouslyErased).toBe(false)
    const back = await admin.post('/api/v1/contacts', {
      firstName: 'Palannut',
      emails: [{ address: `eero.${p.u}@example.test` }],
    })
    expect(back.statusCode).toBe(201)
    expect(back.headers['suhde-previously-erased']).toBe('email')
    const timeline = (await admin.get(`/api/v1/contacts/${back.json().id}/timeline`)).json().data
    expect(timeline.map((e: { eventType: string }) => e.eventType)).toContain('previously_erased')
    const fresh = await admin.post('/api/v1/contacts', { firstName: 'Uusi' })
    expect(fresh.headers['suhde-previously-erased']).toBeUndefined()
  })

  it('writes the request’s evidence in the workspace’s language and time zone', async () => {
    const erase = async (ws: Client) => {
      const c = (await ws.post('/api/v1/contacts', { firstName: 'Kaisa', lastName: uniq() })).json()
      const r = await ws.post('/api/v1/privacy-requests', { contactId: c.id, type: 'erasure' })
      expect(
        (await ws.post(`/api/v1/contacts/${c.id}/erase`, { requestId: r.json().id })).statusCode,
      ).toBe(200)
      return (await ws.get(`/api/v1/privacy-requests/${r.json().id}`)).json().evidence as string
    }
    const fi = await makeWorkspace(t, 'Suomeksi Oy')
    expect(await erase(fi)).toMatch(
      /^Henkilötiedot poistettu \d{1,2}\. \p{L}+ \d{4} klo \d{1,2}\.\d{2}\.\d{2} \(Europe\/Helsinki\)\.$/u,
    )
    const en = await makeWorkspace(t, 'In English Ltd')
    const changed = await en.patch('/api/v1/workspace', {
      language: 'en',
      timeZone: 'Europe/London',
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(await erase(en)).toMatch(
      /^Personal data erased \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}:\d{2} \(Europe\/London\)\.$/,
    )
  })

  it('is for admins and managers only', async () => {
    const p = await personWithHistory()
    const sales = await makeMember(t, admin.workspaceId, 'sales')
    expect((await sales.post(`/api/v1/contacts/${p.contact.id}/erase`, {})).statusCode).toBe(403)
    const stranger = await makeWorkspace(t, 'Muu Oy')
    expect((await stranger.post(`/api/v1/contacts/${p.contact.id}/erase`, {})).statusCode).toBe(404)
    expect(await findEverywhere(p.u)).not.toEqual([])
  })
})
