import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makeContact, makePurpose } from './privacy.fixtures'
import { formState, startSmtp } from './smtp.fixture'

let t: TestApp
let admin: Client
let smtp: Awaited<ReturnType<typeof startSmtp>>

beforeAll(async () => {
  smtp = await startSmtp()
  t = await createTestApp({ SMTP_URL: smtp.url, SUHDE_PUBLIC_URL: 'http://suhde.test' })
  admin = await makeWorkspace(t, 'Kirjakauppa Oy')
})
afterAll(async () => {
  await t.close()
  await smtp.close()
})

let ipCounter = 1
async function staffLink(contactId: string, body: object = {}) {
  const res = await admin.post(`/api/v1/contacts/${contactId}/privacy-links`, body)
  expect(res.statusCode, res.body).toBe(201)
  const link = res.json() as { id: string; url: string; sentTo: string | null }
  return { ...link, path: link.url.replace('http://suhde.test', '') }
}

// Each test comes from its own address so the per-IP limit only bites in the flood test.
function browser() {
  const remoteAddress = `198.51.100.${ipCounter++}`
  let cookie = ''
  return {
    async get(url: string, lang = 'fi') {
      const res = await t.app.inject({
        method: 'GET',
        url,
        remoteAddress,
        headers: { 'accept-language': lang, cookie },
      })
      const state = formState(res)
      if (state.cookie !== 'suhde_pc=') cookie = state.cookie
      return { res, csrf: state.csrf }
    },
    post(url: string, form: Record<string, string | string[]>) {
      const body = new URLSearchParams()
      for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x)
      return t.app.inject({
        method: 'POST',
        url,
        remoteAddress,
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'Safari',
        },
        payload: body.toString(),
      })
    },
  }
}

describe('preference centre', () => {
  it('is emailed by staff and shows the person their data in Finnish or English', async () => {
    const c = await makeContact(admin)
    const link = await staffLink(c.id, { send: true })
    expect(link.sentTo).toBe(c.emails[0]!.address)
    const mail = smtp.received.find((m) => JSON.stringify(m.to).includes(c.emails[0]!.address))
    expect(mail?.text).toContain(link.url)
    const b = browser()
    const fi = await b.get(link.path)
    expect(fi.res.statusCode).toBe(200)
    expect(fi.res.headers['content-type']).toContain('text/html')
    expect(fi.res.body).toContain('<html lang="fi"')
    expect(fi.res.body).toContain(c.firstName)
    expect(fi.res.body).toContain('+358401234567')
    const en = await b.get(`${link.path}?lang=en`)
    expect(en.res.body).toContain('<html lang="en"')
    expect(en.res.body).toContain('Your data and choices')
  })

  it('lets the person correct their details, recorded in the history as done by them', async () => {
    const c = await makeContact(admin)
    const link = await staffLink(c.id)
    const b = browser()
    const { csrf } = await b.get(link.path)
    const res = await b.post(link.path, {
      csrf,
      action: 'details',
      firstName: 'Maija-Liisa',
      lastName: c.lastName,
      email: 'maija.uusi@example.test',
      phone: '050 765 4321',
    })
    expect(res.statusCode, res.body).toBe(303)
    const after = (await admin.get(`/api/v1/contacts/${c.id}`)).json()
    expect(after.firstName).toBe('Maija-Liisa')
    expect(after.emails[0].address).toBe('maija.uusi@example.test')
    expect(after.phones[0].number).toBe('+358507654321')
    const found = (await admin.get('/api/v1/contacts?q=maija.uusi@example.test')).json().data
    expect(found.map((x: { id: string }) => x.id)).toContain(c.id)
    const timeline = (await admin.get(`/api/v1/contacts/${c.id}/timeline`)).json().data
    expect(timeline[0]).toMatchObject({
      eventType: 'updated',
      data: { actor: 'data_subject', via: 'preference_centre' },
    })
    expect(timeline[0].changes.map((x: { field: string }) => x.field)).toEqual(
      expect.arrayContaining(['firstName', 'emails', 'phones']),
    )
  })

  it('shows field errors for a bad email and changes nothing', async () => {
    const c = await makeContact(admin)
    const link = await staffLink(c.id)
    const b = browser()
    const { csrf } = await b.get(link.path, 'en')
    const res = await b.post(`${link.path}?lang=en`, {
      csrf,
      action: 'details',
      firstName: 'X',
      lastName: 'Y',
      email: 'not an email',
      phone: '',
    })
    expect(res.statusCode).toBe(400)
    // Named as the form labels the field, with the message in the page's language.
    expect(res.body).toContain('<li>Email: The email address is not valid</li>')
    expect((await admin.get(`/api/v1/contacts/${c.id}`)).json().firstName).toBe(c.firstName)
  })

  it('grants and withdraws consents per channel with proof of where it came from', async () => {
    const p = await makePurpose(admin, { channels: ['email', 'sms'] })
    const c = await makeContact(admin)
    const link = await staffLink(c.id)
    const b = browser()
    const { res, csrf } = await b.get(link.path)
    expect(res.body).toContain('Uutiskirje')
    // The purpose's own form offers only the choices that change something.
    const formOf = (html: string) => {
      const at = html.indexOf(`value="${p.key}"`)
      return html.slice(at, html.indexOf('</form>', at))
    }
    expect(formOf(res.body)).toContain('Annan suostumuksen')
    expect(formOf(res.body)).not.toContain('Peru suostumus')
    const grant = await b.post(link.path, {
      csrf,
      action: 'consent',
      purposeKey: p.key,
      status: 'granted',
      channels: ['sms'],
    })
    expect(grant.statusCode, grant.body).toBe(303)
    let consents = (await admin.get(`/api/v1/contacts/${c.id}/consents`)).json()
    expect(consents.history[0]).toMatchObject({
      status: 'granted',
      source: 'preference_centre',
      channels: ['sms'],
      userAgent: 'Safari',
    })
    const given = formOf((await b.get(link.path)).res.body)
    expect(given).toContain('Peru suostumus')
    expect(given).toContain('Tallenna kanavat')
    expect(given).not.toContain('Annan suostumuksen')
    await b.post(link.path, { csrf, action: 'consent', purposeKey: p.key, status: 'withdrawn' })
    consents = (await admin.get(`/api/v1/contacts/${c.id}/consents`)).json()
    expect(consents.history.map((e: { status: string }) => e.status)).toEqual([
      'withdrawn',
      'granted',
    ])
  })

  it('downloads all the data as a zip of JSON and CSV, and logs the export', async () => {
    const c = await makeContact(admin)
    await admin.post('/api/v1/activities', {
      type: 'note',
      subject: 'Soitti kirjoista',
      contactId: c.id,
    })
    const link = await staffLink(c.id)
    const res = await t.app.inject({
      method: 'GET',
      url: `${link.path}/download`,
      remoteAddress: '203.0.113.5',
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    const files = unzipSync(new Uint8Array(res.rawPayload))
    expect(Object.keys(files).sort()).toEqual([
      'activities.csv',
      'companies.csv',
      'consents.csv',
      'contact.csv',
      'personal-data.json',
      'privacyRequests.csv',
    ])
    const json = JSON.parse(strFromU8(files['personal-data.json']!))
    expect(json.contact.firstName).toBe(c.firstName)
    expect(json.activities[0].subject).toBe('Soitti kirjoista')
    expect(strFromU8(files['contact.csv']!)).toContain(c.lastName)
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'ip', 'details'])
      .where('record_id', '=', c.id)
      .where('action', '=', 'export')
      .execute()
    expect(log).toEqual([expect.objectContaining({ actor_user_id: null, ip: '203.0.113.5' })])
    expect(log[0]?.details).toMatchObject({ actor: 'data_subject', view: 'preference_centre' })
  })

  it('takes an erasure request into the request log with its 30-day due date', async () => {
    const c = await makeContact(admin)
    const link = await staffLink(c.id)
    const b = browser()
    const { csrf } = await b.get(link.path)
    const res = await b.post(link.path, { csrf, action: 'erasure' })
    expect(res.statusCode).toBe(303)
    const page = await b.get(
      res.headers.location!.startsWith('/')
        ? res.headers.location!
        : `/privacy/preferences/${res.headers.location}`,
    )
    expect(page.res.body).toContain('Poistopyyntösi on vastaanotettu')
    const list = (await admin.get(`/api/v1/privacy-requests?contactId=${c.id}`)).json().data
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      type: 'erasure',
      channel: 'preference_centre',
      status: 'received',
      evidence: `Henkilö pyysi tietojensa poistamista tietosuojasivun linkillä ${link.id}.`,
    })
    const days = (Date.parse(list[0].dueAt) - Date.parse(list[0].receivedAt)) / 86400_000
    expect(days).toBe(30)
  })

  it('refuses forms without the page token, revoked and expired links', async () => {
    const c = await makeContact(admin)
    const link = await staffLink(c.id)
    const b = browser()
    await b.get(link.path)
    const forged = await b.post(link.path, { csrf: 'x', action: 'erasure' })
    expect(forged.statusCode).toBe(403)
    expect((await admin.get(`/api/v1/privacy-requests?contactId=${c.id}`)).json().data).toEqual([])

    const revoke = await admin.delete(`/api/v1/contacts/${c.id}/privacy-links/${link.id}`)
    expect(revoke.statusCode).toBe(204)
    expect((await b.get(link.path)).res.statusCode).toBe(410)
    const again = await admin.delete(`/api/v1/contacts/${c.id}/privacy-links/${link.id}`)
    expect(again.statusCode).toBe(404)

    const other = await staffLink(c.id)
    await t.deps.db
      .updateTable('privacy_links')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('id', '=', other.id)
      .execute()
    const expired = await b.get(other.path, 'en')
    expect(expired.res.statusCode).toBe(410)
    expect(expired.res.body).toContain('expired')
    expect((await b.get('/privacy/preferences/garbage')).res.statusCode).toBe(400)
  })

  it('lists the links of a contact with when each was last opened and revoked', async () => {
    const c = await makeContact(admin)
    const opened = await staffLink(c.id)
    const unopened = await staffLink(c.id)
    const list = async () =>
      (await admin.get(`/api/v1/contacts/${c.id}/privacy-links`)).json().data as {
        id: string
        kind: string
        usedAt: string | null
        revokedAt: string | null
      }[]
    expect((await list()).every((l) => l.usedAt === null && l.revokedAt === null)).toBe(true)

    const before = Date.now()
    expect((await browser().get(opened.path)).res.statusCode).toBe(200)
    await admin.delete(`/api/v1/contacts/${c.id}/privacy-links/${unopened.id}`)
    const links = await list()
    const a = links.find((l) => l.id === opened.id)
    const b = links.find((l) => l.id === unopened.id)
    expect(a?.kind).toBe('preference_centre')
    expect(new Date(a?.usedAt ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(a?.revokedAt).toBeNull()
    expect(b?.usedAt).toBeNull()
    expect(b?.revokedAt).not.toBeNull()
    // The link stays usable after it was opened: only confirmation links are single-use.
    expect((await browser().get(opened.path)).res.statusCode).toBe(200)
  })

  it('rate limits a flood of requests on one link', async () => {
    const c = await makeContact(admin)
    const link = await staffLink(c.id)
    const codes: number[] = []
    for (let i = 0; i < 32; i++) codes.push((await browser().get(link.path)).res.statusCode)
    expect(codes.slice(0, 30).every((s) => s === 200)).toBe(true)
    expect(codes.at(-1)).toBe(429)
  })

  it('rate limits a flood from one address across many tokens', async () => {
    const codes: number[] = []
    for (let i = 0; i < 61; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/privacy/preferences/guess${i}.x`,
        remoteAddress: '192.0.2.250',
      })
      codes.push(res.statusCode)
    }
    expect(codes.slice(0, 60).every((s) => s === 400)).toBe(true)
    expect(codes.at(-1)).toBe(429)
  })

  it('is not for roles that may not manage consents', async () => {
    const c = await makeContact(admin)
    const sales = await makeMember(t, admin.workspaceId, 'sales')
    expect((await sales.post(`/api/v1/contacts/${c.id}/privacy-links`, {})).statusCode).toBe(403)
  })
})
