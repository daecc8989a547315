import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../lib/ids'
import { createTestApp, type TestApp } from '../test/create-test-app'
import { clientFor, signIn, type Client } from '../test/factories'
import { createDemo, type DemoResult } from './demo.service'
import { dealRows, salesSetup, type SalesContext } from './generate-sales'

let t: TestApp
let demo: DemoResult
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  const adminEmail = `demo-${newId()}@example.test`
  demo = await createDemo(t.deps.db, {
    workspaceName: 'Myyntidemo Oy',
    adminEmail,
    companies: 40,
    contacts: 300,
    activities: 0,
    deals: 600,
    seed: 5,
  })
  const cookie = await signIn(t.app, adminEmail, demo.password)
  admin = clientFor(
    t.app,
    { cookie },
    { userId: '', workspaceId: demo.workspaceId, email: adminEmail },
  )
})
afterAll(async () => t.close())

const ctx = (): SalesContext => {
  const setup = salesSetup(2)
  return {
    seed: 2,
    workspaceId: '00000000-0000-7000-8000-000000000000',
    ownerIds: ['00000000-0000-7000-8000-000000000001'],
    tagIds: [],
    companies: 100,
    contacts: 500,
    now: new Date('2026-11-01T10:00:00Z'),
    pipelines: setup.pipelines,
    lostReasonIds: setup.lostReasons.map((l) => l.id),
    products: setup.products,
  }
}

describe('sales demo generator', () => {
  it('makes deals whose stays form one chain, open exactly when the deal is', () => {
    const c = ctx()
    for (let i = 0; i < 3000; i++) {
      const { deal, stays, lines, quote } = dealRows(c, i)
      expect(deal.amount).toBeGreaterThanOrEqual(0)
      expect(deal.status === 'open').toBe(deal.closed_at === null)
      expect(stays.at(-1)?.stage_id).toBe(deal.stage_id)
      expect(stays.filter((s) => s.left_at === null)).toHaveLength(deal.status === 'open' ? 1 : 0)
      for (let k = 1; k < stays.length; k++)
        expect(stays[k - 1]?.left_at).toBe(stays[k]?.entered_at)
      if (lines.length && !quote) expect(deal.currency).toBe('EUR')
      if (quote) expect(quote.row.net_total).toBe(deal.amount)
    }
  })

  it('puts about a twelfth of the main pipeline open, the standard set’s 10k of 200k', () => {
    const c = ctx()
    const main = c.pipelines[0]!.id
    let inMain = 0
    let open = 0
    for (let i = 0; i < 24_000; i++) {
      const { deal } = dealRows(c, i)
      if (deal.pipeline_id !== main) continue
      inMain++
      if (deal.status === 'open') open++
    }
    expect(inMain / 24_000).toBeGreaterThan(0.57)
    expect(inMain / 24_000).toBeLessThan(0.63)
    expect((open * 200_000) / 24_000).toBeGreaterThan(9000)
    expect((open * 200_000) / 24_000).toBeLessThan(11_000)
  })

  it('is the same for the same seed and index', () => {
    expect(dealRows(ctx(), 77)).toEqual(dealRows(ctx(), 77))
  })
})

describe('suhde demo with deals', () => {
  it('fills a workspace whose board, forecast, quotes and moves work through the API', async () => {
    expect(demo.counts.deals).toBe(600)
    const pipelines = (await admin.get('/api/v1/pipelines')).json().data
    expect(pipelines.map((p: { name: string }) => p.name)).toEqual([
      'Uusmyynti',
      'Lisämyynti',
      'Kumppanit',
    ])
    const main = pipelines[0]
    const open = await sql<{ n: number }>`
      select count(*)::int as n from deals
      where workspace_id = ${demo.workspaceId} and pipeline_id = ${main.id} and status = 'open'`.execute(
      t.deps.db,
    )
    const board = (await admin.get(`/api/v1/pipelines/${main.id}/board`)).json()
    const count = board.columns.reduce((n: number, c: { count: number }) => n + c.count, 0)
    expect(count).toBe(open.rows[0]?.n)
    expect(count).toBeGreaterThan(10)
    const chains = await sql<{ bad: number }>`
      select count(*)::int as bad from deals d
      where d.workspace_id = ${demo.workspaceId}
        and (select count(*) from deal_stage_history h
             where h.workspace_id = d.workspace_id and h.deal_id = d.id and h.left_at is null)
          <> (case when d.status = 'open' then 1 else 0 end)`.execute(t.deps.db)
    expect(chains.rows[0]?.bad).toBe(0)
    const forecast = (await admin.get('/api/v1/forecast?period=month&groupBy=rep')).json().data
    expect(forecast.length).toBeGreaterThan(0)
    expect(forecast.some((r: { quota: number | null }) => r.quota !== null)).toBe(true)
    const quotes = (await admin.get('/api/v1/quotes')).json().data
    expect(quotes.length).toBeGreaterThan(0)
    // The next quote made in the app numbers after the demo's.
    const deal = (await admin.get(`/api/v1/quotes/${quotes[0].id}`)).json().dealId
    const next = await admin.post('/api/v1/quotes', { dealId: deal })
    expect(next.statusCode).toBe(201)
    const numbers = await sql<{ n: number }>`
      select count(*)::int as n from quotes where workspace_id = ${demo.workspaceId}`.execute(
      t.deps.db,
    )
    expect(next.json().number).toBe(numbers.rows[0]?.n)
    const card = board.columns[1].cards[0] ?? board.columns[0].cards[0]
    const moved = await admin.post(`/api/v1/deals/${card.id}/move`, {
      stageId: main.stages[0].id,
    })
    expect(moved.statusCode).toBe(200)
  })
})
