import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { mayContact } from './consents.service'
import { makeContact, makePurpose } from './privacy.fixtures'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

describe('purposes', () => {
  it('creates a purpose with its legal basis and raises the text version when a text changes', async () => {
    const p = await makePurpose(admin)
    expect(p).toMatchObject({ legalBasis: 'consent', channels: ['email', 'sms'], textVersion: 1 })
    const same = await admin.patch(`/api/v1/purposes/${p.id}`, { channels: ['email'] })
    expect(same.json().textVersion).toBe(1)
    const changed = await admin.patch(`/api/v1/purposes/${p.id}`, { descriptionFi: 'Uusi teksti' })
    expect(changed.json()).toMatchObject({ textVersion: 2, descriptionFi: 'Uusi teksti' })
  })

  it('refuses a duplicate key and a bad legal basis naming the field', async () => {
    const p = await makePurpose(admin)
    const dup = await admin.post('/api/v1/purposes', {
      key: p.key,
      legalBasis: 'consent',
      nameFi: 'X',
      nameEn: 'X',
    })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().errors[0]).toMatchObject({ path: 'key', code: 'duplicate' })
    const bad = await admin.post('/api/v1/purposes', {
      key: 'x_basis',
      legalBasis: 'because',
      nameFi: 'X',
      nameEn: 'X',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('legalBasis')
  })

  it('deletes an unused purpose but keeps one with consent history', async () => {
    const unused = await makePurpose(admin)
    expect((await admin.delete(`/api/v1/purposes/${unused.id}`)).statusCode).toBe(204)
    const used = await makePurpose(admin)
    const c = await makeContact(admin)
    await admin.post(`/api/v1/contacts/${c.id}/consents`, {
      purposeKey: used.key,
      status: 'granted',
    })
    expect((await admin.delete(`/api/v1/purposes/${used.id}`)).statusCode).toBe(409)
  })
})

describe('contacts/{id}/consents', () => {
  it('keeps the full history and shows the current state per purpose', async () => {
    const p = await makePurpose(admin)
    const c = await makeContact(admin)
    const grant = await admin.post(`/api/v1/contacts/${c.id}/consents`, {
      purposeKey: p.key,
      status: 'granted',
      source: 'form',
      channels: ['email'],
      occurredAt: '2026-01-10T10:00:00Z',
      ip: '192.0.2.10',
      userAgent: 'Firefox',
    })
    expect(grant.statusCode, grant.body).toBe(201)
    await admin.post(`/api/v1/contacts/${c.id}/consents`, {
      purposeKey: p.key,
      status: 'withdrawn',
      occurredAt: '2026-02-10T10:00:00Z',
    })
    const res = await admin.get(`/api/v1/contacts/${c.id}/consents`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.current.find((s: { purposeKey: string }) => s.purposeKey === p.key)).toMatchObject({
      status: 'withdrawn',
    })
    expect(body.history.map((e: { status: string }) => e.status)).toEqual(['withdrawn', 'granted'])
    expect(body.erasedAt).toBeNull()
    expect(body.history[1]).toMatchObject({
      source: 'form',
      textVersion: 1,
      ip: '192.0.2.10',
      userAgent: 'Firefox',
      actorUserId: admin.userId,
    })
  })

  it('refuses an unknown purpose, a foreign channel and a withdrawal older than the latest grant, writing nothing', async () => {
    const p = await makePurpose(admin, { channels: ['email'] })
    const c = await makeContact(admin)
    const url = `/api/v1/contacts/${c.id}/consents`
    const unknown = await admin.post(url, { purposeKey: 'no_such_purpose', status: 'granted' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0]).toMatchObject({ path: 'purposeKey', code: 'unknown_purpose' })
    const channel = await admin.post(url, {
      purposeKey: p.key,
      status: 'granted',
      channels: ['sms'],
    })
    expect(channel.json().errors[0]).toMatchObject({
      path: 'channels.0',
      code: 'channel_not_in_purpose',
    })
    await admin.post(url, {
      purposeKey: p.key,
      status: 'granted',
      occurredAt: '2026-03-01T00:00:00Z',
    })
    const older = await admin.post(url, {
      purposeKey: p.key,
      status: 'withdrawn',
      occurredAt: '2026-02-01T00:00:00Z',
    })
    expect(older.statusCode).toBe(400)
    expect(older.json().errors[0]).toMatchObject({
      path: 'occurredAt',
      code: 'before_latest_grant',
    })
    const future = await admin.post(url, {
      purposeKey: p.key,
      status: 'withdrawn',
      occurredAt: '2999-01-01T00:00:00Z',
    })
    expect(future.json().errors[0]).toMatchObject({ path: 'occurredAt', code: 'in_future' })
    const history = (await admin.get(url)).json().history
    expect(history).toHaveLength(1)
  })

  it('keeps the history append-only in the database itself', async () => {
    const p = await makePurpose(admin)
    const c = await makeContact(admin)
    await admin.post(`/api/v1/contacts/${c.id}/consents`, { purposeKey: p.key, status: 'granted' })
    await expect(
      t.deps.db
        .updateTable('consent_events')
        .set({ status: 'withdrawn' })
        .where('contact_id', '=', c.id)
        .execute(),
    ).rejects.toThrow(/append-only/)
  })

  it('lets marketing record consents, sales only read them, and hides other workspaces', async () => {
    const p = await makePurpose(admin)
    const c = await makeContact(admin)
    const marketing = await makeMember(t, admin.workspaceId, 'marketing')
    const sales = await makeMember(t, admin.workspaceId, 'sales')
    const url = `/api/v1/contacts/${c.id}/consents`
    expect((await marketing.post(url, { purposeKey: p.key, status: 'granted' })).statusCode).toBe(
      201,
    )
    expect((await sales.post(url, { purposeKey: p.key, status: 'withdrawn' })).statusCode).toBe(403)
    expect((await sales.get(url)).statusCode).toBe(200)
    const other = await makeWorkspace(t, 'Toinen Oy')
    expect((await other.get(url)).statusCode).toBe(404)
  })
})

describe('mayContact, the one check of every send path', () => {
  it('answers by legal basis, channel, consent state and the contact', async () => {
    const ws = admin.workspaceId
    const consent = await makePurpose(admin, { channels: ['email', 'sms'] })
    const interest = await makePurpose(admin, {
      legalBasis: 'legitimate_interest',
      channels: ['email'],
    })
    const c = await makeContact(admin)
    const ask = (key: string, ch: string, id = c.id) => mayContact(t.deps, ws, id, key, ch)
    expect(await ask(consent.key, 'email')).toEqual({ allowed: false, reason: 'no_consent' })
    expect(await ask(interest.key, 'email')).toMatchObject({ allowed: true })
    expect(await ask('nope', 'email')).toEqual({ allowed: false, reason: 'unknown_purpose' })
    expect(await ask(consent.key, 'post')).toEqual({
      allowed: false,
      reason: 'channel_not_in_purpose',
    })

    const url = `/api/v1/contacts/${c.id}/consents`
    await admin.post(url, { purposeKey: consent.key, status: 'granted', channels: ['email'] })
    expect(await ask(consent.key, 'email')).toEqual({ allowed: true, reason: 'consent' })
    expect(await ask(consent.key, 'sms')).toEqual({ allowed: false, reason: 'channel_declined' })
    await admin.post(url, { purposeKey: consent.key, status: 'withdrawn' })
    expect(await ask(consent.key, 'email')).toEqual({ allowed: false, reason: 'withdrawn' })
    await admin.post(url, { purposeKey: interest.key, status: 'withdrawn' })
    expect(await ask(interest.key, 'email')).toEqual({ allowed: false, reason: 'objected' })

    const noPhone = await makeContact(admin, { phones: [] })
    await admin.post(`/api/v1/contacts/${noPhone.id}/consents`, {
      purposeKey: consent.key,
      status: 'granted',
    })
    expect(await ask(consent.key, 'email', noPhone.id)).toMatchObject({ allowed: true })
    expect(await ask(consent.key, 'sms', noPhone.id)).toEqual({
      allowed: false,
      reason: 'no_address',
    })

    await admin.delete(`/api/v1/contacts/${noPhone.id}`)
    expect(await ask(consent.key, 'email', noPhone.id)).toEqual({
      allowed: false,
      reason: 'contact_not_found',
    })
    await admin.patch(`/api/v1/purposes/${consent.id}`, { isActive: false })
    expect(await ask(consent.key, 'email')).toEqual({ allowed: false, reason: 'inactive_purpose' })
  })

  it('treats a double opt-in grant as pending until confirmed', async () => {
    const p = await makePurpose(admin, { requiresDoubleOptIn: true })
    const c = await makeContact(admin)
    // No SMTP server in this app: the grant is refused whole, nothing is recorded.
    const res = await admin.post(`/api/v1/contacts/${c.id}/consents`, {
      purposeKey: p.key,
      status: 'granted',
    })
    expect(res.statusCode).toBe(400)
    expect((await admin.get(`/api/v1/contacts/${c.id}/consents`)).json().history).toEqual([])
    expect(await mayContact(t.deps, admin.workspaceId, c.id, p.key, 'email')).toEqual({
      allowed: false,
      reason: 'no_consent',
    })
  })
})
