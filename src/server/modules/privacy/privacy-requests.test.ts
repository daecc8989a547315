import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makeContact, makePurpose } from './privacy.fixtures'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

describe('privacy-requests', () => {
  it('logs a request due in 30 days and flags it overdue once the date passes', async () => {
    const c = await makeContact(admin)
    const res = await admin.post('/api/v1/privacy-requests', {
      contactId: c.id,
      type: 'access',
      receivedAt: '2026-01-01T09:00:00Z',
      handlerId: admin.userId,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      contactName: `${c.firstName} ${c.lastName}`,
      status: 'received',
      dueAt: '2026-01-31T09:00:00.000Z',
      isOverdue: true,
      handlerId: admin.userId,
    })
    const overdue = (
      await admin.get(`/api/v1/privacy-requests?overdue=true&contactId=${c.id}`)
    ).json()
    expect(overdue.data).toHaveLength(1)
    expect(overdue.data[0].contactName).toBe(`${c.firstName} ${c.lastName}`)
    const done = await admin.patch(`/api/v1/privacy-requests/${res.json().id}`, {
      status: 'completed',
      evidence: 'Export sent by post',
    })
    expect(done.json()).toMatchObject({
      status: 'completed',
      isOverdue: false,
      contactName: `${c.firstName} ${c.lastName}`,
    })
    expect(done.json().completedAt).not.toBeNull()
  })

  it('refuses an unknown contact, an unknown handler and a bad type by field', async () => {
    const c = await makeContact(admin)
    const unknown = await admin.post('/api/v1/privacy-requests', {
      contactId: '01900000-0000-7000-8000-000000000000',
      type: 'access',
    })
    expect(unknown.json().errors[0]).toMatchObject({ path: 'contactId', code: 'unknown_reference' })
    const handler = await admin.post('/api/v1/privacy-requests', {
      contactId: c.id,
      type: 'access',
      handlerId: '01900000-0000-7000-8000-000000000000',
    })
    expect(handler.statusCode).toBe(400)
    expect(handler.json().errors[0]).toMatchObject({ path: 'handlerId', code: 'unknown_reference' })
    const type = await admin.post('/api/v1/privacy-requests', { contactId: c.id, type: 'forget' })
    expect(type.json().errors[0].path).toBe('type')
    expect((await admin.get(`/api/v1/privacy-requests?contactId=${c.id}`)).json().data).toEqual([])
  })

  it('lets sales log a request but not read the log; managers handle it', async () => {
    const c = await makeContact(admin)
    const sales = await makeMember(t, admin.workspaceId, 'sales')
    const manager = await makeMember(t, admin.workspaceId, 'manager')
    const made = await sales.post('/api/v1/privacy-requests', {
      contactId: c.id,
      type: 'objection',
    })
    expect(made.statusCode).toBe(201)
    expect((await sales.get('/api/v1/privacy-requests')).statusCode).toBe(403)
    const patch = await manager.patch(`/api/v1/privacy-requests/${made.json().id}`, {
      status: 'in_progress',
    })
    expect(patch.statusCode).toBe(200)
  })
})

describe('contacts/{id}/personal-data', () => {
  it('exports everything held on the person as JSON or a zip, and audits the export', async () => {
    const p = await makePurpose(admin)
    const c = await makeContact(admin)
    await admin.post(`/api/v1/contacts/${c.id}/consents`, { purposeKey: p.key, status: 'granted' })
    await admin.post('/api/v1/activities', { type: 'note', subject: 'Tapaaminen', contactId: c.id })
    const json = await admin.get(`/api/v1/contacts/${c.id}/personal-data`)
    expect(json.statusCode).toBe(200)
    expect(json.json()).toMatchObject({
      contact: { firstName: c.firstName },
      activities: [{ subject: 'Tapaaminen' }],
      consents: [{ purpose: p.key, status: 'granted' }],
    })
    const zip = await admin.get(`/api/v1/contacts/${c.id}/personal-data?format=zip`)
    expect(zip.headers['content-type']).toBe('application/zip')
    const files = unzipSync(new Uint8Array(zip.rawPayload))
    expect(strFromU8(files['consents.csv']!)).toContain(p.key)
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('record_id', '=', c.id)
      .where('action', '=', 'export')
      .execute()
    expect(log).toHaveLength(2)
    expect(log[0]?.actor_user_id).toBe(admin.userId)
  })
})

describe('records of processing', () => {
  it('lists active purposes with legal basis, categories, recipients and subjects, as JSON and CSV', async () => {
    const ws = await makeWorkspace(t, 'Rekisteri Oy')
    const p = await makePurpose(ws, {
      dataCategories: ['nimi', 'sähköposti'],
      recipients: ['Postituspalvelu Oy'],
      retentionPeriod: '24 kk',
    })
    const c = await makeContact(ws)
    await ws.post(`/api/v1/contacts/${c.id}/consents`, { purposeKey: p.key, status: 'granted' })
    const res = await ws.get('/api/v1/privacy/records-of-processing')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      controller: 'Rekisteri Oy',
      activities: [
        {
          purposeKey: p.key,
          legalBasis: 'consent',
          recipients: ['Postituspalvelu Oy'],
          dataSubjects: 1,
        },
      ],
    })
    const csv = await ws.get('/api/v1/privacy/records-of-processing.csv?lang=fi')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('Oikeusperuste')
    expect(csv.body).toContain('Postituspalvelu Oy')
  })
})
