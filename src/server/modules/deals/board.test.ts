import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, signIn, type Client } from '../../test/factories'
import { makeDeal, makePipeline } from './sales-fixtures'

let t: TestApp
let admin: Client

beforeAll(async () => {
  // The PostgreSQL run gives the app the URL, so live updates go through LISTEN/NOTIFY.
  const url = inject('databaseUrl')
  t = await createTestApp(url ? { DATABASE_URL: url } : {})
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

describe('GET /api/v1/pipelines/:id/board', () => {
  it('gives each column its count, sum and weighted sum, with cards paged per column', async () => {
    const p = await makePipeline(admin, 'Taulu')
    for (const amount of [100_00, 200_00, 300_00]) await makeDeal(admin, p.id, { amount })
    const moved = await makeDeal(admin, p.id, { amount: 1000_00, probability: 50 })
    await admin.post(`/api/v1/deals/${moved.id}/move`, { stageId: p.stages.discovery })
    const res = await admin.get(`/api/v1/pipelines/${p.id}/board?limit=2`)
    expect(res.statusCode).toBe(200)
    const [lead, discovery, proposal] = res.json().columns
    expect(lead).toMatchObject({ name: 'Liidi', count: 3, sum: 600_00, weightedSum: 60_00 })
    expect(lead.cards).toHaveLength(2)
    expect(lead.nextCursor).toEqual(expect.any(String))
    expect(discovery).toMatchObject({ count: 1, sum: 1000_00, weightedSum: 500_00 })
    expect(proposal).toMatchObject({ count: 0, cards: [] })
    const next = await admin.get(
      `/api/v1/pipelines/${p.id}/board?limit=2&stageId=${p.stages.lead}&cursor=${lead.nextCursor}`,
    )
    expect(next.json().columns).toHaveLength(1)
    expect(next.json().columns[0].cards).toHaveLength(1)
    expect(next.json().columns[0].nextCursor).toBeNull()
  })

  it('filters by owner and minimum score, and places a card at the given position', async () => {
    const p = await makePipeline(admin, 'Suodatus')
    const rep = await makeMember(t, admin.workspaceId, 'sales')
    const a = await makeDeal(admin, p.id, { title: 'A' })
    const b = await makeDeal(rep, p.id, { title: 'B' })
    const byRep = (await admin.get(`/api/v1/pipelines/${p.id}/board?ownerId=${rep.userId}`)).json()
    expect(byRep.columns[0].cards.map((c: { id: string }) => c.id)).toEqual([b.id])
    const scored = (await admin.get(`/api/v1/pipelines/${p.id}/board?minScore=1`)).json()
    expect(scored.columns[0].count).toBe(0)
    await admin.post(`/api/v1/deals/${b.id}/move`, { stageId: p.stages.lead, position: 0 })
    const order = (await admin.get(`/api/v1/pipelines/${p.id}/board`)).json().columns[0].cards
    expect(order.map((c: { id: string }) => c.id)).toEqual([b.id, a.id])
  })
})

describe('GET /api/v1/pipelines/:id/board with several currencies', () => {
  it('sums each currency apart and gives the workspace currency as sum and weightedSum', async () => {
    const p = await makePipeline(admin, 'Valuutat')
    await makeDeal(admin, p.id, { amount: 100_00 })
    await makeDeal(admin, p.id, { amount: 300_00 })
    await makeDeal(admin, p.id, { amount: 1000_00, currency: 'SEK' })
    await makeDeal(admin, p.id, { amount: 50_00, currency: 'USD', probability: 50 })
    const board = (await admin.get(`/api/v1/pipelines/${p.id}/board`)).json()
    expect(board.currency).toBe('EUR')
    expect(board.columns[0]).toMatchObject({
      count: 4,
      sum: 400_00,
      weightedSum: 40_00,
      sums: [
        { currency: 'EUR', count: 2, sum: 400_00, weightedSum: 40_00 },
        { currency: 'SEK', count: 1, sum: 1000_00, weightedSum: 100_00 },
        { currency: 'USD', count: 1, sum: 50_00, weightedSum: 25_00 },
      ],
    })
    expect(board.columns[1]).toMatchObject({ count: 0, sum: 0, weightedSum: 0, sums: [] })
  })
})

describe('GET /api/v1/pipelines/:id/events', () => {
  it("delivers user A's move to user B's open stream", async () => {
    const p = await makePipeline(admin, 'Live')
    const deal = await makeDeal(admin, p.id)
    const userB = await makeMember(t, admin.workspaceId, 'sales')
    const cookie = await signIn(t.app, userB.email)
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const controller = new AbortController()
    const res = await fetch(`${address}/api/v1/pipelines/${p.id}/events`, {
      headers: { cookie: `suhde_session=${cookie}` },
      signal: controller.signal,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) break
        text += decoder.decode(value)
      }
    }
    await readUntil('event: ready')
    const moved = await admin.post(`/api/v1/deals/${deal.id}/move`, { stageId: p.stages.discovery })
    expect(moved.statusCode).toBe(200)
    await readUntil('event: deal.moved')
    const line = text.split('\n').find((l) => l.startsWith('data: {"type":"deal.moved"'))
    expect(JSON.parse(line!.slice(6))).toMatchObject({
      dealId: deal.id,
      stageId: p.stages.discovery,
      fromStageId: p.stages.lead,
      userId: admin.userId,
    })
    controller.abort()
  })

  it('refuses a stream without sign-in', async () => {
    const p = await makePipeline(admin, 'Kirjautumaton')
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/pipelines/${p.id}/events` })
    expect(res.statusCode).toBe(401)
  })
})
