import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makeDeal, makePipeline } from '../deals/sales-fixtures'
import { addPeriods, periodStart, today, weekStart } from './periods'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

const thisMonth = periodStart(today(), 'month')
const nextMonth = addPeriods(thisMonth, 'month', 1)

describe('GET /api/v1/forecast', () => {
  it('sums won, commit, best case and weighted per month and rep against the quota', async () => {
    const rep = await makeMember(t, admin.workspaceId, 'sales')
    const p = await makePipeline(admin, 'Ennuste')
    const close = `${thisMonth.slice(0, 8)}15`
    const won = await makeDeal(rep, p.id, { amount: 1000_00, expectedCloseDate: close })
    await rep.patch(`/api/v1/deals/${won.id}`, { status: 'won' })
    await makeDeal(rep, p.id, {
      amount: 2000_00,
      expectedCloseDate: close,
      forecastCategory: 'commit',
    })
    await makeDeal(rep, p.id, { amount: 4000_00, expectedCloseDate: close, probability: 50 })
    await makeDeal(rep, p.id, { amount: 8000_00, expectedCloseDate: close })
    const lost = await makeDeal(rep, p.id, { amount: 9999_00, expectedCloseDate: close })
    await rep.patch(`/api/v1/deals/${lost.id}`, { status: 'lost' })
    await makeDeal(rep, p.id, { amount: 500_00, expectedCloseDate: `${nextMonth.slice(0, 8)}10` })
    const quota = await admin.request({
      method: 'PUT',
      url: '/api/v1/targets/quotas',
      payload: { userId: rep.userId, period: 'month', periodStart: thisMonth, amount: 5000_00 },
    })
    expect(quota.statusCode).toBe(200)

    const res = await admin.get(`/api/v1/forecast?period=month&groupBy=rep&pipelineId=${p.id}`)
    expect(res.statusCode).toBe(200)
    const rows = res.json().data.filter((r: { groupId: string }) => r.groupId === rep.userId)
    expect(rows[0]).toMatchObject({
      periodStart: thisMonth,
      groupName: 'sales user',
      closedWon: 1000_00,
      commit: 3000_00,
      bestCase: 7000_00,
      // 1000 + 2000 × 10 % + 4000 × 50 % + 8000 × 10 %
      weighted: 1000_00 + 200_00 + 2000_00 + 800_00,
      pipeline: 15000_00,
      quota: 5000_00,
    })
    expect(rows[1]).toMatchObject({ periodStart: nextMonth, pipeline: 500_00, quota: null })
  })

  it('gives deals in another currency rows of their own instead of adding them up', async () => {
    const ws = await makeWorkspace(t, 'Valuutta Oy')
    const p = await makePipeline(ws, 'Valuutat')
    const close = `${thisMonth.slice(0, 8)}20`
    await makeDeal(ws, p.id, { amount: 100_00, expectedCloseDate: close, probability: 50 })
    await makeDeal(ws, p.id, {
      amount: 700_00,
      currency: 'SEK',
      expectedCloseDate: close,
      probability: 50,
    })
    const rows = (await ws.get('/api/v1/forecast?period=month&groupBy=rep')).json().data
    expect(rows).toEqual([
      expect.objectContaining({ currency: 'EUR', pipeline: 100_00, weighted: 50_00 }),
      expect.objectContaining({ currency: 'SEK', pipeline: 700_00, weighted: 350_00 }),
    ])
    expect(rows.every((r: { periodStart: string }) => r.periodStart === thisMonth)).toBe(true)
  })

  it('counts won deals by their close time within the asked periods only', async () => {
    const ws = await makeWorkspace(t, 'Rajat Oy')
    const p = await makePipeline(ws, 'Rajat')
    const won = await makeDeal(ws, p.id, { amount: 100_00 })
    await ws.patch(`/api/v1/deals/${won.id}`, { status: 'won' })
    const inRange = (await ws.get(`/api/v1/forecast?from=${thisMonth}`)).json().data
    expect(inRange).toEqual([expect.objectContaining({ closedWon: 100_00 })])
    const later = (await ws.get(`/api/v1/forecast?from=${nextMonth}`)).json().data
    expect(later).toEqual([])
  })

  it('refuses a quota that does not start a period', async () => {
    const res = await admin.request({
      method: 'PUT',
      url: '/api/v1/targets/quotas',
      payload: { userId: admin.userId, period: 'quarter', periodStart: '2026-02-01', amount: 1 },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'periodStart', code: 'not_period_start' })
  })
})

describe('GET /api/v1/forecast/metrics', () => {
  it('computes win rate, average deal size and stage conversion', async () => {
    const ws = await makeWorkspace(t, 'Mittarit Oy')
    const p = await makePipeline(ws, 'Mittarit')
    const a = await makeDeal(ws, p.id, { amount: 100_00 })
    const b = await makeDeal(ws, p.id, { amount: 300_00 })
    const c = await makeDeal(ws, p.id, { amount: 50_00 })
    await ws.post(`/api/v1/deals/${a.id}/move`, { stageId: p.stages.discovery })
    await ws.patch(`/api/v1/deals/${a.id}`, { status: 'won' })
    await ws.patch(`/api/v1/deals/${b.id}`, { status: 'won' })
    await ws.patch(`/api/v1/deals/${c.id}`, { status: 'lost' })
    const m = (await ws.get(`/api/v1/forecast/metrics?pipelineId=${p.id}`)).json()
    expect(m).toMatchObject({ won: 2, lost: 1, averageDealSize: 200_00, openDeals: 0 })
    expect(m.winRate).toBeCloseTo(2 / 3)
    expect(m.stageConversion[0]).toMatchObject({ name: 'Liidi', entered: 3, advanced: 2 })
    expect(m.stageConversion[1]).toMatchObject({ name: 'Tarvekartoitus', entered: 1, advanced: 1 })
  })
})

describe('GET /api/v1/forecast/metrics: stage conversion', () => {
  it('counts a deal that went back once per stage, advanced from the stages it later passed', async () => {
    const ws = await makeWorkspace(t, 'Konversio Oy')
    const p = await makePipeline(ws, 'Konversio')
    const back = await makeDeal(ws, p.id, { amount: 100_00 })
    await makeDeal(ws, p.id, { amount: 100_00 }) // stays in Liidi
    for (const stageId of [p.stages.discovery, p.stages.lead, p.stages.discovery, p.stages.lead])
      expect((await ws.post(`/api/v1/deals/${back.id}/move`, { stageId })).statusCode).toBe(200)
    const deleted = await makeDeal(ws, p.id, { amount: 100_00 })
    await ws.post(`/api/v1/deals/${deleted.id}/move`, { stageId: p.stages.discovery })
    await ws.delete(`/api/v1/deals/${deleted.id}`)
    const m = (await ws.get(`/api/v1/forecast/metrics?pipelineId=${p.id}`)).json()
    // Liidi: both live deals entered (the deleted one does not count), only `back` went further.
    expect(m.stageConversion[0]).toMatchObject({ name: 'Liidi', entered: 2, advanced: 1 })
    expect(m.stageConversion[1]).toMatchObject({ name: 'Tarvekartoitus', entered: 1, advanced: 0 })
    expect(m.stageConversion).toHaveLength(4)
    expect(m.openDeals).toBe(2)
  })

  it("counts only the asked rep's deals, and only stages entered in the range", async () => {
    const ws = await makeWorkspace(t, 'Rajaus Oy')
    const rep = await makeMember(t, ws.workspaceId, 'sales')
    const p = await makePipeline(ws, 'Rajaus')
    const mine = await makeDeal(rep, p.id, { amount: 100_00 })
    await rep.post(`/api/v1/deals/${mine.id}/move`, { stageId: p.stages.discovery })
    await makeDeal(ws, p.id, { amount: 100_00 }) // the admin's, stays in Liidi
    const base = `/api/v1/forecast/metrics?pipelineId=${p.id}`
    const all = (await ws.get(base)).json()
    expect(all.stageConversion[0]).toMatchObject({ name: 'Liidi', entered: 2, advanced: 1 })
    const own = (await ws.get(`${base}&ownerId=${rep.userId}`)).json()
    expect(own.stageConversion[0]).toMatchObject({ name: 'Liidi', entered: 1, advanced: 1 })
    expect(own.stageConversion[1]).toMatchObject({ name: 'Tarvekartoitus', entered: 1 })
    // Every stay began now, so a range in the past has no entries, yet lists every stage.
    const before = (await ws.get(`${base}&from=2020-01-01&to=2020-12-31`)).json()
    expect(before.stageConversion.map((s: { entered: number }) => s.entered)).toEqual([0, 0, 0, 0])
  })
})

describe('activity targets and coaching', () => {
  it('measures calls and meetings done against weekly targets and lists what needs attention', async () => {
    const ws = await makeWorkspace(t, 'Valmennus Oy')
    const rep = await makeMember(t, ws.workspaceId, 'sales')
    const set = await ws.request({
      method: 'PUT',
      url: `/api/v1/targets/activity/${rep.userId}`,
      payload: { calls: 2, meetings: 1, newDeals: 1 },
    })
    expect(set.statusCode).toBe(200)
    await rep.post('/api/v1/activities', { type: 'call', subject: 'Soitto 1' })
    await rep.post('/api/v1/activities', { type: 'call', subject: 'Soitto 2' })
    const p = await makePipeline(ws, 'Valmennus')
    const company = (await ws.post('/api/v1/companies', { name: 'Tehtävä Oy' })).json()
    const withTask = await makeDeal(rep, p.id, { companyId: company.id })
    await rep.post('/api/v1/activities', {
      type: 'task',
      subject: 'Soita perään',
      companyId: company.id,
    })
    const withoutTask = await makeDeal(rep, p.id)

    const progress = (
      await ws.get(`/api/v1/targets/activity/progress?weeks=2&userId=${rep.userId}`)
    ).json().data
    const week = weekStart(today())
    expect(progress.find((r: { weekStart: string }) => r.weekStart === week)).toMatchObject({
      done: { calls: 2, meetings: 0, newDeals: 2 },
      target: { calls: 2, meetings: 1, newDeals: 1 },
    })
    const c = (await ws.get('/api/v1/targets/coaching')).json()
    expect(c.repsUnderTarget).toEqual([
      {
        userId: rep.userId,
        name: 'sales user',
        missing: [{ kind: 'meetings', done: 0, target: 1 }],
      },
    ])
    const ids = c.dealsWithoutNextStep.map((d: { id: string }) => d.id)
    expect(ids).toContain(withoutTask.id)
    expect(ids).not.toContain(withTask.id)
    expect(c.rottingDeals).toEqual([])
  })

  it('keeps targets away from roles that may only read them', async () => {
    const ws = await makeWorkspace(t, 'Luku Oy')
    const reader = await makeMember(t, ws.workspaceId, 'read-only')
    const res = await reader.request({
      method: 'PUT',
      url: `/api/v1/targets/activity/${reader.userId}`,
      payload: { calls: 1 },
    })
    expect(res.statusCode).toBe(403)
    expect((await reader.get('/api/v1/targets/coaching')).statusCode).toBe(200)
  })
})
