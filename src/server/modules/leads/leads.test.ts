import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makePipeline } from '../deals/sales-fixtures'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

describe('lead capture, scoring and assignment', () => {
  it('captures a lead as a contact in stage lead, scored by fit and engagement rules', async () => {
    const ws = await makeWorkspace(t, 'Pisteytys Oy')
    const rules = await ws.request({
      method: 'PUT',
      url: '/api/v1/leads/scoring-rules',
      payload: {
        rules: [
          { kind: 'fit', field: 'industry', value: 'Vähittäiskauppa', points: 30 },
          { kind: 'fit', field: 'region', value: 'Uusimaa', points: 10 },
          { kind: 'engagement', field: 'meeting', points: 20, maxPoints: 30 },
        ],
      },
    })
    expect(rules.statusCode).toBe(200)
    const res = await ws.post('/api/v1/leads', {
      firstName: 'Liisa',
      lastName: 'Liidi',
      email: 'Liisa@Kauppa.fi',
      companyName: 'Kauppa Oy',
      industry: 'vähittäiskauppa',
      region: 'Pirkanmaa',
      source: 'messut',
    })
    expect(res.statusCode).toBe(201)
    const lead = res.json()
    expect(lead).toMatchObject({
      status: 'new',
      fitScore: 30,
      engagementScore: 0,
      email: 'liisa@kauppa.fi',
      ownerId: ws.userId,
    })
    const contact = (await ws.get(`/api/v1/contacts/${lead.id}`)).json()
    expect(contact.lifecycleStage).toBe('lead')
    for (let i = 0; i < 2; i++)
      await ws.post('/api/v1/activities', {
        type: 'meeting',
        subject: `Tapaaminen ${i}`,
        contactId: lead.id,
      })
    const updated = await ws.patch(`/api/v1/leads/${lead.id}`, {
      status: 'working',
      region: 'Uusimaa',
    })
    expect(updated.json()).toMatchObject({
      status: 'working',
      fitScore: 40,
      engagementScore: 30,
      score: 70,
    })
  })

  it('refuses a lead with neither name nor email', async () => {
    const res = await admin.post('/api/v1/leads', { companyName: 'Nimetön Oy' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ code: 'name_or_email_required' })
  })

  it('assigns by territory first, then round robin within a team', async () => {
    const ws = await makeWorkspace(t, 'Jako Oy')
    const north = await makeMember(t, ws.workspaceId, 'sales')
    const a = await makeMember(t, ws.workspaceId, 'sales')
    const b = await makeMember(t, ws.workspaceId, 'sales')
    const team = (
      await ws.post('/api/v1/teams', { name: 'Etelä', memberIds: [a.userId, b.userId] })
    ).json()
    const set = await ws.request({
      method: 'PUT',
      url: '/api/v1/leads/assignment-rules',
      payload: {
        rules: [
          { kind: 'territory', matchField: 'region', matchValue: 'Lappi', userId: north.userId },
          { kind: 'round_robin', teamId: team.id },
        ],
      },
    })
    expect(set.statusCode).toBe(200)
    const owners = []
    for (const region of ['lappi', 'Uusimaa', 'Uusimaa', 'Uusimaa'])
      owners.push(
        (await ws.post('/api/v1/leads', { lastName: `Alue ${region}`, region })).json().ownerId,
      )
    expect(owners[0]).toBe(north.userId)
    expect(new Set(owners.slice(1, 3))).toEqual(new Set([a.userId, b.userId]))
    expect(owners[3]).toBe(owners[1])
  })
})

describe('lead rules for the web editor', () => {
  it('previews draft scoring rules on the open leads without saving them', async () => {
    const ws = await makeWorkspace(t, 'Esikatselu Oy')
    const retail = (
      await ws.post('/api/v1/leads', { lastName: 'Kauppa', industry: 'Vähittäiskauppa' })
    ).json()
    await ws.post('/api/v1/leads', { lastName: 'Teollisuus', industry: 'Teollisuus' })
    for (let i = 0; i < 3; i++)
      await ws.post('/api/v1/activities', {
        type: 'call',
        subject: `Soitto ${i}`,
        contactId: retail.id,
      })
    const draft = [
      { kind: 'fit', field: 'industry', value: 'vähittäiskauppa', points: 20 },
      { kind: 'engagement', field: 'call', points: 10, maxPoints: 25 },
    ]
    const res = await ws.post('/api/v1/leads/scoring-rules/preview', { rules: draft })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      openLeads: 2,
      changed: 1,
      leads: [
        { id: retail.id, name: 'Kauppa', score: 0, newScore: 45 },
        { name: 'Teollisuus', score: 0, newScore: 0 },
      ],
    })
    // Nothing was saved: neither the rules nor the scores.
    expect((await ws.get('/api/v1/leads/scoring-rules')).json().rules).toEqual([])
    expect((await ws.get(`/api/v1/leads/${retail.id}`)).json().score).toBe(0)
    // Saving the same rules gives the scores the preview showed.
    await ws.request({
      method: 'PUT',
      url: '/api/v1/leads/scoring-rules',
      payload: { rules: draft },
    })
    const after = (await ws.get('/api/v1/leads')).json().data
    expect(after.map((l: { lastName: string; score: number }) => [l.lastName, l.score])).toEqual([
      ['Kauppa', 45],
      ['Teollisuus', 0],
    ])
  })

  it('names the rule and field of a bad draft, for the editor to show at the field', async () => {
    const res = await admin.post('/api/v1/leads/scoring-rules/preview', {
      rules: [
        { kind: 'fit', field: 'industry', value: 'IT', points: 5 },
        { kind: 'fit', field: 'region', value: '', points: 5 },
      ],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'rules.1.value' })
  })

  it('names the assignment rule whose team no longer exists, and keeps the old rules', async () => {
    const ws = await makeWorkspace(t, 'Poistettu tiimi Oy')
    const team = (await ws.post('/api/v1/teams', { name: 'Pohjoinen', memberIds: [] })).json()
    const keep = [{ kind: 'round_robin', teamId: team.id }]
    await ws.request({
      method: 'PUT',
      url: '/api/v1/leads/assignment-rules',
      payload: { rules: keep },
    })
    const res = await ws.request({
      method: 'PUT',
      url: '/api/v1/leads/assignment-rules',
      payload: {
        rules: [
          { kind: 'territory', matchField: 'region', matchValue: 'Lappi', teamId: team.id },
          { kind: 'round_robin', teamId: '0195f0f0-0000-7000-8000-000000000001' },
        ],
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({
      path: 'rules.1.teamId',
      code: 'unknown_reference',
    })
    expect((await ws.get('/api/v1/leads/assignment-rules')).json().rules).toMatchObject(keep)
  })
})

describe('POST /api/v1/leads/:id/convert', () => {
  it('makes contact + company + deal in one go, keeping the contact and its history', async () => {
    const p = await makePipeline(admin, 'Konversio')
    const lead = (
      await admin.post('/api/v1/leads', {
        firstName: 'Kalle',
        lastName: 'Kauppias',
        companyName: 'Kallen Kauppa Oy',
        title: 'Toimitusjohtaja',
      })
    ).json()
    await admin.post('/api/v1/activities', {
      type: 'call',
      subject: 'Ensisoitto',
      contactId: lead.id,
    })
    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, {
      pipelineId: p.id,
      amount: 5000_00,
    })
    expect(res.statusCode).toBe(200)
    const out = res.json()
    expect(out.lead).toMatchObject({
      status: 'converted',
      convertedDealId: out.dealId,
      convertedCompanyId: out.companyId,
    })
    const deal = (await admin.get(`/api/v1/deals/${out.dealId}`)).json()
    expect(deal).toMatchObject({
      title: 'Kallen Kauppa Oy',
      amount: 5000_00,
      companyId: out.companyId,
      contacts: [{ contactId: lead.id, buyingRole: null }],
    })
    const contact = (await admin.get(`/api/v1/contacts/${lead.id}`)).json()
    expect(contact.lifecycleStage).toBe('prospect')
    const timeline = (await admin.get(`/api/v1/contacts/${lead.id}/timeline`)).json().data
    const types = timeline.map((e: { eventType?: string; kind?: string }) => e.eventType)
    expect(types).toContain('lead_converted')
    expect(types).toContain('created')
    const again = await admin.post(`/api/v1/leads/${lead.id}/convert`, { pipelineId: p.id })
    expect(again.json().errors[0]).toMatchObject({ path: 'status', code: 'invalid_transition' })
  })

  it('writes the company, its link and the deal through their services, with their history and audit', async () => {
    const ws = await makeWorkspace(t, 'Palvelut Oy')
    // Required custom fields of companies and deals cannot be given in a conversion: they wait.
    for (const objectType of ['company', 'deal'])
      await ws.post('/api/v1/custom-fields', {
        objectType,
        key: 'region',
        labelFi: 'Alue',
        labelEn: 'Region',
        type: 'text',
        isRequired: true,
      })
    const p = await makePipeline(ws, 'Palvelut')
    const lead = (
      await ws.post('/api/v1/leads', { lastName: 'Palvelu', companyName: 'Palvelu Oy' })
    ).json()
    const res = await ws.post(`/api/v1/leads/${lead.id}/convert`, { pipelineId: p.id })
    expect(res.statusCode).toBe(200)
    const { companyId, dealId } = res.json()
    const company = (await ws.get(`/api/v1/companies/${companyId}`)).json()
    expect(company).toMatchObject({ name: 'Palvelu Oy', lifecycleStage: 'prospect', custom: {} })
    const companyEvents = (await ws.get(`/api/v1/companies/${companyId}/timeline`)).json().data
    expect(companyEvents.map((e: { eventType: string }) => e.eventType).sort()).toEqual([
      'created',
      'linked',
    ])
    const audit = await sql<{ object_type: string; action: string }>`
      select object_type, action from audit_log
      where workspace_id = ${ws.workspaceId} and record_id in (${companyId}, ${dealId})
      order by object_type`.execute(t.deps.db)
    expect(audit.rows).toEqual([
      { object_type: 'company', action: 'create' },
      { object_type: 'deal', action: 'create' },
    ])
  })

  it('writes nothing when the deal part fails', async () => {
    const lead = (
      await admin.post('/api/v1/leads', { lastName: 'Peruttu', companyName: 'Peruttu Oy' })
    ).json()
    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, {
      pipelineId: '01900000-0000-7000-8000-000000000000',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'pipelineId', code: 'unknown_reference' })
    const companies = await sql<{
      n: number
    }>`select count(*)::int as n from companies where workspace_id = ${admin.workspaceId} and name = 'Peruttu Oy'`.execute(
      t.deps.db,
    )
    expect(companies.rows[0]?.n).toBe(0)
    expect((await admin.get(`/api/v1/leads/${lead.id}`)).json().status).toBe('new')
  })
})
