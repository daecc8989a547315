import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makeContact } from './privacy.fixtures'
import { runDueRetention } from './retention.service'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

/** Makes the contact look untouched for `months` (test set-up writes the clock directly). */
async function age(contactId: string, months: number) {
  await sql`update contacts set updated_at = now() - make_interval(months => ${months})
    where id = ${contactId}`.execute(t.deps.db)
}

describe('retention policies', () => {
  it('previews, then anonymises only inactive leads, logging the run', async () => {
    const ws = await makeWorkspace(t, 'Säilytys Oy')
    const oldLead = await makeContact(ws, { lifecycleStage: 'lead' })
    const oldCustomer = await makeContact(ws, { lifecycleStage: 'customer' })
    const freshLead = await makeContact(ws, { lifecycleStage: 'lead' })
    const activeLead = await makeContact(ws, { lifecycleStage: 'lead' })
    await age(oldLead.id, 30)
    await age(oldCustomer.id, 30)
    await age(activeLead.id, 30)
    await ws.post('/api/v1/activities', {
      type: 'call',
      subject: 'Soitto',
      contactId: activeLead.id,
      occurredAt: new Date().toISOString(),
    })
    await age(activeLead.id, 30)

    const created = await ws.post('/api/v1/retention-policies', {
      name: 'Vanhat liidit',
      lifecycleStage: 'lead',
      inactiveMonths: 24,
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    const preview = (await ws.get(`/api/v1/retention-policies/${id}/preview`)).json()
    expect(preview.count).toBe(1)
    expect(preview.sample.map((s: { id: string }) => s.id)).toEqual([oldLead.id])
    expect(preview.sample[0].name).toBe(`${oldLead.firstName} ${oldLead.lastName}`)
    expect((await ws.get(`/api/v1/contacts/${oldLead.id}`)).json().firstName).toBe(
      oldLead.firstName,
    )

    const run = await ws.post(`/api/v1/retention-policies/${id}/run`)
    expect(run.statusCode, run.body).toBe(200)
    expect(run.json()).toMatchObject({
      status: 'done',
      trigger: 'manual',
      affectedCount: 1,
      recordIds: [oldLead.id],
    })
    expect((await ws.get(`/api/v1/contacts/${oldLead.id}`)).json()).toMatchObject({
      firstName: null,
      emails: [],
    })
    for (const kept of [oldCustomer, freshLead, activeLead])
      expect((await ws.get(`/api/v1/contacts/${kept.id}`)).json().firstName).toBe(kept.firstName)
    expect((await ws.get(`/api/v1/retention-policies/${id}/preview`)).json().count).toBe(0)
    const runs = (await ws.get('/api/v1/retention-policies/runs')).json().data
    expect(runs).toHaveLength(1)
  })

  it('counts every match in the database and samples only the first 50', async () => {
    const ws = await makeWorkspace(t, 'Laskenta Oy')
    const records = Array.from({ length: 57 }, (_, i) => ({
      firstName: 'Vanha',
      lastName: `Liidi${String(i).padStart(2, '0')}`,
      lifecycleStage: 'lead',
    }))
    const made = await ws.post('/api/v1/contacts/bulk', { records })
    expect(made.statusCode, made.body).toBe(201)
    await sql`update contacts set updated_at = now() - make_interval(months => 30)
      where workspace_id = ${ws.workspaceId}`.execute(t.deps.db)
    await makeContact(ws, { lifecycleStage: 'lead' })
    const policy = (
      await ws.post('/api/v1/retention-policies', { name: 'Liidit', inactiveMonths: 24 })
    ).json()
    const preview = (await ws.get(`/api/v1/retention-policies/${policy.id}/preview`)).json()
    expect(preview.count).toBe(57)
    expect(preview.sample).toHaveLength(50)
    expect(new Set(preview.sample.map((s: { id: string }) => s.id)).size).toBe(50)
  })

  it('runs daily from the scheduler: once per 24 hours per active policy', async () => {
    const ws = await makeWorkspace(t, 'Ajastus Oy')
    const old = await makeContact(ws)
    await age(old.id, 13)
    const policy = (
      await ws.post('/api/v1/retention-policies', { name: 'Kaikki', inactiveMonths: 12 })
    ).json()
    await runDueRetention(t.deps)
    const runs = (await ws.get(`/api/v1/retention-policies/${policy.id}/runs`)).json().data
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ trigger: 'schedule', affectedCount: 1 })
    await runDueRetention(t.deps)
    expect((await ws.get(`/api/v1/retention-policies/${policy.id}/runs`)).json().data).toHaveLength(
      1,
    )
    const tomorrow = new Date(Date.now() + 25 * 3600 * 1000)
    await runDueRetention(t.deps, tomorrow)
    expect((await ws.get(`/api/v1/retention-policies/${policy.id}/runs`)).json().data).toHaveLength(
      2,
    )
  })

  it('refuses bad input by field and is admin-only to change', async () => {
    const bad = await admin.post('/api/v1/retention-policies', { name: 'X', inactiveMonths: 0 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('inactiveMonths')
    const manager = await makeMember(t, admin.workspaceId, 'manager')
    expect(
      (await manager.post('/api/v1/retention-policies', { name: 'X', inactiveMonths: 5 }))
        .statusCode,
    ).toBe(403)
    expect((await manager.get('/api/v1/retention-policies')).statusCode).toBe(200)
  })
})
