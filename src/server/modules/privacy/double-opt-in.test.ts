import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'
import { mayContact } from './consents.service'
import { makeContact, makePurpose } from './privacy.fixtures'
import { formState, startSmtp } from './smtp.fixture'

let t: TestApp
let admin: Client
let smtp: Awaited<ReturnType<typeof startSmtp>>

beforeAll(async () => {
  smtp = await startSmtp()
  t = await createTestApp({ SMTP_URL: smtp.url, SUHDE_PUBLIC_URL: 'http://suhde.test' })
  admin = await makeWorkspace(t, 'Kahvila Kuppi Oy')
})
afterAll(async () => {
  await t.close()
  await smtp.close()
})

function mailTo(address: string): ParsedMail {
  const mail = smtp.received.find((m) => m.to && JSON.stringify(m.to).includes(address))
  if (!mail) throw new Error(`no mail to ${address}`)
  return mail
}

const linkIn = (mail: ParsedMail) => {
  const m = /http:\/\/suhde\.test(\/privacy\/confirm\/[\w.-]+)/.exec(mail.text ?? '')
  if (!m?.[1]) throw new Error('no link in the mail')
  return m[1]
}

async function pendingGrant() {
  const p = await makePurpose(admin, { requiresDoubleOptIn: true })
  const c = await makeContact(admin)
  const res = await admin.post(`/api/v1/contacts/${c.id}/consents`, {
    purposeKey: p.key,
    status: 'granted',
    source: 'form',
  })
  expect(res.statusCode, res.body).toBe(201)
  return { p, c, path: linkIn(mailTo(c.emails[0]!.address)) }
}

async function confirm(path: string, ua = 'Mozilla/5.0 test') {
  const page = await t.app.inject({
    method: 'GET',
    url: path,
    headers: { 'accept-language': 'fi' },
  })
  const { csrf, cookie } = formState(page)
  const post = await t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': ua },
    payload: `csrf=${encodeURIComponent(csrf)}`,
  })
  return { page, post }
}

describe('double opt-in over SMTP', () => {
  it('emails a signed link; following it confirms the consent with its own proof', async () => {
    const { p, c, path } = await pendingGrant()
    const mail = mailTo(c.emails[0]!.address)
    expect(mail.subject).toContain('Uutiskirje')
    expect(mail.text).toContain('Kahvila Kuppi Oy')
    expect(await mayContact(t.deps, admin.workspaceId, c.id, p.key, 'email')).toMatchObject({
      allowed: false,
      reason: 'pending_confirmation',
    })
    const before = (await admin.get(`/api/v1/contacts/${c.id}/consents`)).json()
    expect(before.current.find((s: { purposeKey: string }) => s.purposeKey === p.key).status).toBe(
      'pending',
    )

    const { page, post } = await confirm(path)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<html lang="fi"')
    expect(post.statusCode, post.body).toBe(200)
    expect(post.body).toContain('vahvistettu')

    const after = (await admin.get(`/api/v1/contacts/${c.id}/consents`)).json()
    expect(after.history[0]).toMatchObject({
      status: 'granted',
      source: 'double_opt_in',
      userAgent: 'Mozilla/5.0 test',
      textVersion: 1,
    })
    expect(after.history[0].confirmedAt).not.toBeNull()
    expect(after.history.map((e: { status: string }) => e.status)).toEqual(['granted', 'pending'])
    expect(await mayContact(t.deps, admin.workspaceId, c.id, p.key, 'email')).toEqual({
      allowed: true,
      reason: 'consent',
    })
  })

  it('refuses a reused, tampered or expired link clearly and changes nothing', async () => {
    const { c, path } = await pendingGrant()
    expect((await confirm(path)).post.statusCode).toBe(200)
    const count = async () =>
      (await admin.get(`/api/v1/contacts/${c.id}/consents`)).json().history.length
    const n = await count()

    const reused = await confirm(path)
    expect(reused.page.statusCode).toBe(410)
    expect(reused.page.body).toContain('jo käytetty')

    const tampered = path.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))
    const bad = await t.app.inject({
      method: 'GET',
      url: tampered,
      headers: { 'accept-language': 'en' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('not valid')

    const second = await pendingGrant()
    await t.deps.db
      .updateTable('privacy_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('contact_id', '=', second.c.id)
      .execute()
    const expired = await confirm(second.path)
    expect(expired.page.statusCode).toBe(410)
    expect(expired.post.statusCode).toBe(410)
    expect(await count()).toBe(n)
    const secondHistory = (await admin.get(`/api/v1/contacts/${second.c.id}/consents`)).json()
      .history
    expect(secondHistory.map((e: { status: string }) => e.status)).toEqual(['pending'])
  })

  it('refuses a confirmation posted without the page’s CSRF token', async () => {
    const { c, path } = await pendingGrant()
    const post = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'csrf=forged',
    })
    expect(post.statusCode).toBe(403)
    const history = (await admin.get(`/api/v1/contacts/${c.id}/consents`)).json().history
    expect(history.map((e: { status: string }) => e.status)).toEqual(['pending'])
  })
})
