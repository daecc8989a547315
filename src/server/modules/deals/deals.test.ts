import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makeDeal, makePipeline } from './sales-fixtures'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

async function historyRows(dealId: string) {
  const r = await sql<{ stage_id: string; left_at: Date | null; entered_at: Date }>`
    select stage_id, entered_at, left_at from deal_stage_history
    where deal_id = ${dealId} order by entered_at, left_at nulls last`.execute(t.deps.db)
  return r.rows
}

describe('pipelines', () => {
  it('creates a pipeline with ordered stages, probabilities, gates and a scorecard', async () => {
    const p = await makePipeline(admin)
    const res = await admin.get(`/api/v1/pipelines/${p.id}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.stages.map((s: { name: string }) => s.name)).toEqual([
      'Liidi',
      'Tarvekartoitus',
      'Tarjous',
      'Neuvottelu',
    ])
    expect(body.stages[2]).toMatchObject({
      probability: 60,
      requiredCriteria: ['budget', 'authority'],
      requiredFields: ['amount', 'expectedCloseDate'],
    })
    expect(body.scorecard.map((c: { key: string }) => c.key)).toEqual([
      'budget',
      'authority',
      'need',
    ])
  })

  it('refuses a gate on a criterion the scorecard does not have', async () => {
    const res = await admin.post('/api/v1/pipelines', {
      name: 'Rikki',
      stages: [{ name: 'A', probability: 10, requiredCriteria: ['nope'] }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({
      path: 'stages.0.requiredCriteria.0',
      code: 'unknown_reference',
    })
    const list = await admin.get('/api/v1/pipelines')
    expect(list.json().data.some((p: { name: string }) => p.name === 'Rikki')).toBe(false)
  })

  it('refuses to remove a stage that still has deals', async () => {
    const p = await makePipeline(admin, 'Poisto')
    await makeDeal(admin, p.id)
    const current = (await admin.get(`/api/v1/pipelines/${p.id}`)).json()
    const res = await admin.patch(`/api/v1/pipelines/${p.id}`, {
      stages: current.stages
        .slice(1)
        .map((s: { id: string; name: string; probability: number }) => ({
          id: s.id,
          name: s.name,
          probability: s.probability,
        })),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'stages', code: 'stage_in_use' })
  })
})

describe('deals: bad input', () => {
  it('answers field-level 400s for negative amounts, unknown currency, bad dates and foreign stages, writing nothing', async () => {
    const p = await makePipeline(admin, 'Virheet')
    const other = await makePipeline(admin, 'Toinen')
    const cases: [object, string, string][] = [
      [{ amount: -1 }, 'amount', 'too_small'],
      [{ currency: 'XXX' }, 'currency', 'invalid_currency'],
      [{ expectedCloseDate: '2026-13-45' }, 'expectedCloseDate', 'invalid_format'],
      [{ stageId: other.stages.lead }, 'stageId', 'stage_of_other_pipeline'],
    ]
    for (const [body, path, code] of cases) {
      const res = await admin.post('/api/v1/deals', { title: 'Huono', pipelineId: p.id, ...body })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().errors[0]).toMatchObject({ path, code })
    }
    const count = await sql<{
      n: number
    }>`select count(*)::int as n from deals where pipeline_id = ${p.id}`.execute(t.deps.db)
    expect(count.rows[0]?.n).toBe(0)
  })

  it('refuses a move to a stage of another pipeline and leaves the deal as it was', async () => {
    const p = await makePipeline(admin, 'Siirto')
    const other = await makePipeline(admin, 'Muu')
    const deal = await makeDeal(admin, p.id)
    const res = await admin.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: other.stages.discovery,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'stageId', code: 'stage_of_other_pipeline' })
    expect((await admin.get(`/api/v1/deals/${deal.id}`)).json().stageId).toBe(p.stages.lead)
  })
})

describe('deals: moves, gates and the scorecard', () => {
  it('creates a deal in the first stage with the stage probability and an open stay', async () => {
    const p = await makePipeline(admin, 'Luonti')
    const deal = await makeDeal(admin, p.id, { expectedCloseDate: '2026-12-31' })
    expect(deal).toMatchObject({
      stageId: p.stages.lead,
      probability: 10,
      status: 'open',
      ownerId: admin.userId,
    })
    const rows = await historyRows(deal.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ stage_id: p.stages.lead, left_at: null })
  })

  it('refuses to enter a gated stage, naming the missing criteria and fields, and changes nothing', async () => {
    const p = await makePipeline(admin, 'Portti')
    const deal = await makeDeal(admin, p.id, { amount: 0 })
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/move`,
      headers: { 'accept-language': 'fi' },
      payload: { stageId: p.stages.proposal },
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual([
      'requiredCriteria.budget',
      'requiredCriteria.authority',
      'requiredFields.amount',
      'requiredFields.expectedCloseDate',
    ])
    expect(res.json().detail).toContain('Budjetti')
    const after = (await admin.get(`/api/v1/deals/${deal.id}`)).json()
    expect(after.stageId).toBe(p.stages.lead)
    expect(await historyRows(deal.id)).toHaveLength(1)
  })

  it('scores the answers 0–100 by weight and lets the deal through the gate once they are met', async () => {
    const p = await makePipeline(admin, 'Pisteet')
    const deal = await makeDeal(admin, p.id, { expectedCloseDate: '2027-01-15' })
    const answered = await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${deal.id}/scorecard`,
      payload: {
        answers: [
          { criterionKey: 'budget', optionKey: 'approved' },
          { criterionKey: 'authority', optionKey: 'met' },
          { criterionKey: 'need', optionKey: 'low' },
        ],
      },
    })
    expect(answered.statusCode).toBe(200)
    // (30×100 + 20×100 + 50×20) / 100 = 60
    expect(answered.json().score).toBe(60)
    const moved = await admin.post(`/api/v1/deals/${deal.id}/move`, { stageId: p.stages.proposal })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ stageId: p.stages.proposal, probability: 60, score: 60 })
    const history = (await admin.get(`/api/v1/deals/${deal.id}/stage-history`)).json().data
    expect(history.map((h: { stageName: string }) => h.stageName)).toEqual(['Liidi', 'Tarjous'])
    expect(history[0].leftAt).not.toBeNull()
    const timeline = (await admin.get(`/api/v1/deals/${deal.id}/timeline`)).json().data
    expect(timeline[0]).toMatchObject({ eventType: 'stage_changed' })
  })

  it('rescores answered deals when the scorecard changes', async () => {
    const p = await makePipeline(admin, 'Uusi kortti')
    const deal = await makeDeal(admin, p.id)
    await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${deal.id}/scorecard`,
      payload: { answers: [{ criterionKey: 'need', optionKey: 'low' }] },
    })
    expect((await admin.get(`/api/v1/deals/${deal.id}`)).json().score).toBe(10)
    const changed = await admin.patch(`/api/v1/pipelines/${p.id}`, {
      scorecard: [
        {
          key: 'need',
          name: 'Tarve',
          weight: 50,
          options: [
            { key: 'low', label: 'Vähäinen', points: 40 },
            { key: 'high', label: 'Kova', points: 100 },
          ],
        },
      ],
    })
    expect(changed.statusCode).toBe(200)
    expect((await admin.get(`/api/v1/deals/${deal.id}`)).json().score).toBe(40)
  })

  it('refuses an unknown scorecard option', async () => {
    const p = await makePipeline(admin, 'Vastaus')
    const deal = await makeDeal(admin, p.id)
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${deal.id}/scorecard`,
      payload: { answers: [{ criterionKey: 'budget', optionKey: 'maybe' }] },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({
      path: 'answers.0.optionKey',
      code: 'invalid_option',
    })
  })

  it('serialises two concurrent moves of one deal so the stage history stays one chain', async () => {
    const p = await makePipeline(admin, 'Rinnakkain')
    const deal = await makeDeal(admin, p.id)
    const other = await makeMember(t, admin.workspaceId, 'sales')
    const [a, b] = await Promise.all([
      admin.post(`/api/v1/deals/${deal.id}/move`, { stageId: p.stages.discovery }),
      other.post(`/api/v1/deals/${deal.id}/move`, { stageId: p.stages.negotiation }),
    ])
    expect([a.statusCode, b.statusCode]).toEqual([200, 200])
    const final = (await admin.get(`/api/v1/deals/${deal.id}`)).json()
    const rows = await historyRows(deal.id)
    expect(rows).toHaveLength(3)
    expect(rows.filter((r) => r.left_at === null)).toHaveLength(1)
    expect(rows.at(-1)?.stage_id).toBe(final.stageId)
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]?.left_at?.getTime()).toBe(rows[i]?.entered_at.getTime())
    expect((await other.get(`/api/v1/deals/${deal.id}`)).json().stageId).toBe(final.stageId)
  })

  // On PostgreSQL the two moves must really overlap: a third connection holds the deal row
  // until both moves are seen waiting for it in pg_stat_activity, then lets them go at once.
  it.runIf(inject('databaseUrl'))(
    'applies two truly concurrent moves by two users one after the other on PostgreSQL',
    async () => {
      const p = await makePipeline(admin, 'Yhtä aikaa')
      const deal = await makeDeal(admin, p.id)
      const other = await makeMember(t, admin.workspaceId, 'sales')
      const holder = new pg.Client({ connectionString: inject('databaseUrl') })
      await holder.connect()
      try {
        await holder.query('begin')
        await holder.query('select id from deals where id = $1 for update', [deal.id])
        const moves = Promise.all([
          admin.post(`/api/v1/deals/${deal.id}/move`, { stageId: p.stages.discovery }),
          other.post(`/api/v1/deals/${deal.id}/move`, { stageId: p.stages.negotiation }),
        ])
        let waiting = 0
        for (let i = 0; i < 100 && waiting < 2; i++) {
          await new Promise((r) => setTimeout(r, 50))
          const r = await holder.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'
               and query like '%with moved as%'`,
          )
          waiting = r.rows[0]?.n ?? 0
        }
        expect(waiting).toBeGreaterThanOrEqual(2)
        await holder.query('commit')
        const [a, b] = await moves
        expect([a.statusCode, b.statusCode]).toEqual([200, 200])
      } finally {
        await holder.end()
      }
      const rows = await historyRows(deal.id)
      expect(rows.map((r) => r.stage_id).slice(0, 1)).toEqual([p.stages.lead])
      expect(rows).toHaveLength(3)
      expect(rows.filter((r) => r.left_at === null)).toHaveLength(1)
      for (let i = 1; i < rows.length; i++)
        expect(rows[i - 1]?.left_at?.getTime()).toBe(rows[i]?.entered_at.getTime())
      // The last write wins and both users see it; the history tells the same order.
      const last = rows.at(-1)!.stage_id
      expect(new Set([rows[1]?.stage_id, last])).toEqual(
        new Set([p.stages.discovery, p.stages.negotiation]),
      )
      expect((await admin.get(`/api/v1/deals/${deal.id}`)).json().stageId).toBe(last)
      expect((await other.get(`/api/v1/deals/${deal.id}`)).json().stageId).toBe(last)
      const events = (await admin.get(`/api/v1/deals/${deal.id}/timeline`)).json().data
      const moves = events
        .filter((e: { eventType: string }) => e.eventType === 'stage_changed')
        .map((e: { changes: { old: string; new: string }[] }) => e.changes[0])
        .reverse()
      expect(moves).toEqual([
        { field: 'stageId', old: p.stages.lead, new: rows[1]?.stage_id },
        { field: 'stageId', old: rows[1]?.stage_id, new: last },
      ])
    },
  )

  it('closes a deal as lost with a configured reason and reopens it', async () => {
    const p = await makePipeline(admin, 'Häviö')
    const deal = await makeDeal(admin, p.id)
    const reason = (
      await admin.post('/api/v1/pipelines/lost-reasons', { name: `Hinta ${deal.id}` })
    ).json()
    const lost = await admin.patch(`/api/v1/deals/${deal.id}`, {
      status: 'lost',
      lostReasonId: reason.id,
    })
    expect(lost.statusCode).toBe(200)
    expect(lost.json()).toMatchObject({ status: 'lost', lostReasonId: reason.id })
    expect(lost.json().closedAt).not.toBeNull()
    const bad = await admin.patch(`/api/v1/deals/${deal.id}`, {
      lostReasonId: '01900000-0000-7000-8000-000000000000',
    })
    expect(bad.json().errors[0]).toMatchObject({ path: 'lostReasonId', code: 'unknown_reference' })
    const reopened = await admin.patch(`/api/v1/deals/${deal.id}`, { status: 'open' })
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, lostReasonId: null })
    const rows = await historyRows(deal.id)
    expect(rows.filter((r) => r.left_at === null)).toHaveLength(1)
  })
})

describe('deal custom fields', () => {
  it('validates custom values on deals against the workspace definitions, like other records', async () => {
    const ws = await makeWorkspace(t, 'Lisäkentät Oy')
    const field = await ws.post('/api/v1/custom-fields', {
      objectType: 'deal',
      key: 'channel',
      labelFi: 'Myyntikanava',
      labelEn: 'Sales channel',
      type: 'select',
      isRequired: true,
      options: [
        { value: 'direct', labelFi: 'Suora', labelEn: 'Direct' },
        { value: 'partner', labelFi: 'Kumppani', labelEn: 'Partner' },
      ],
    })
    expect(field.statusCode).toBe(201)
    await ws.post('/api/v1/custom-fields', {
      objectType: 'deal',
      key: 'licences',
      labelFi: 'Lisenssit',
      labelEn: 'Licences',
      type: 'number',
    })
    const p = await makePipeline(ws, 'Kentät')
    const create = (body: object) =>
      ws.post('/api/v1/deals', { title: 'Lisenssit', pipelineId: p.id, ...body })
    const missing = await create({})
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors[0]).toMatchObject({ path: 'custom.channel', code: 'required' })
    const wrong = await create({ custom: { channel: 'shop', licences: 'many', nope: 1 } })
    expect(wrong.statusCode).toBe(400)
    expect(
      wrong
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['custom.channel', 'custom.licences', 'custom.nope'])
    const made = await create({ custom: { channel: 'partner', licences: 25 } })
    expect(made.statusCode).toBe(201)
    expect(made.json().custom).toEqual({ channel: 'partner', licences: 25 })
    const id = made.json().id
    // A patch merges into the stored values; null removes one; a required one stays required.
    const patched = await ws.patch(`/api/v1/deals/${id}`, { custom: { licences: null } })
    expect(patched.json().custom).toEqual({ channel: 'partner' })
    const emptied = await ws.patch(`/api/v1/deals/${id}`, { custom: { channel: null } })
    expect(emptied.statusCode).toBe(400)
    expect(emptied.json().errors[0]).toMatchObject({ path: 'custom.channel', code: 'required' })
    const filtered = await ws.get(`/api/v1/deals?filter[custom.channel][eq]=partner`)
    expect(filtered.json().data.map((d: { id: string }) => d.id)).toEqual([id])
    // Deleting the definition removes its values from the deals too.
    expect((await ws.delete(`/api/v1/custom-fields/${field.json().id}`)).statusCode).toBe(204)
    expect((await ws.get(`/api/v1/deals/${id}`)).json().custom).toEqual({})
  })
})

describe('deal visibility and the list view', () => {
  it("lists open deals of a pipeline and hides other reps' deals from an own-scope rep", async () => {
    const p = await makePipeline(admin, 'Näkyvyys')
    const rep = await makeMember(t, admin.workspaceId, 'sales', 'own')
    const mine = await makeDeal(rep, p.id, { title: 'Oma' })
    const theirs = await makeDeal(admin, p.id, { title: 'Toisen' })
    const list = await rep.get(`/api/v1/deals?filter[pipelineId][eq]=${p.id}&sort=title`)
    expect(list.statusCode).toBe(200)
    expect(list.json().data.map((d: { id: string }) => d.id)).toEqual([mine.id])
    expect((await rep.get(`/api/v1/deals/${theirs.id}`)).statusCode).toBe(404)
    const moved = await rep.post(`/api/v1/deals/${theirs.id}/move`, { stageId: p.stages.discovery })
    expect(moved.statusCode).toBe(404)
    const board = (await rep.get(`/api/v1/pipelines/${p.id}/board`)).json()
    expect(board.columns[0]).toMatchObject({
      count: 1,
      cards: [expect.objectContaining({ id: mine.id })],
    })
    const all = await admin.get(`/api/v1/deals?filter[pipelineId][eq]=${p.id}&sort=title`)
    expect(all.json().data.map((d: { title: string }) => d.title)).toEqual(['Oma', 'Toisen'])
  })
})

describe('OpenAPI', () => {
  it('documents the sales endpoints', async () => {
    const res = await admin.get('/api/v1/openapi.json')
    expect(res.statusCode).toBe(200)
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/pipelines',
        '/api/v1/pipelines/{id}/board',
        '/api/v1/pipelines/{id}/events',
        '/api/v1/deals/{id}/move',
        '/api/v1/deals/{id}/scorecard',
        '/api/v1/products',
        '/api/v1/quotes/{id}/pdf',
        '/api/v1/forecast',
        '/api/v1/forecast/metrics',
        '/api/v1/targets/coaching',
        '/api/v1/leads/{id}/convert',
        '/api/v1/pipelines/lost-reasons',
        '/api/v1/deals/{id}/stage-history',
        '/api/v1/deals/{id}/lines',
        '/api/v1/quotes',
        '/api/v1/targets/quotas',
        '/api/v1/targets/activity/{userId}',
        '/api/v1/targets/activity/progress',
        '/api/v1/leads',
        '/api/v1/leads/scoring-rules',
        '/api/v1/leads/assignment-rules',
      ]),
    )
  })
})
