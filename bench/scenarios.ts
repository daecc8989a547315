import type { Options } from 'autocannon'
import type { Sample } from './prepare'

export type ScenarioContext = { base: string; cookie: string; sample: Sample }
export type Scenario = {
  name: string
  recordsPerRequest?: number
  autocannon(ctx: ScenarioContext): Omit<Options, 'url'>
}

let counter = 0
const pick = <T>(list: T[]): T => list[counter++ % list.length] as T

function headers(ctx: ScenarioContext, json = false): Record<string, string> {
  return { cookie: ctx.cookie, ...(json ? { 'content-type': 'application/json' } : {}) }
}

function newContact(i: number) {
  return {
    firstName: 'Bench',
    lastName: `Testaaja ${i}`,
    emails: [{ address: `bench.${Date.now()}.${i}@example.test` }],
    phones: [{ number: '040 123 4567' }],
    lifecycleStage: 'lead',
  }
}

export const listPath =
  '/api/v1/contacts?filter[lifecycleStage][eq]=customer&sort=lastName&limit=50'

// The sales scenarios measure what one user waits for (the targets are latencies), with a few
// users at once rather than 32: a board load, a forecast, a drag-and-drop move.
export const salesConnections = 4
export const forecastPath = '/api/v1/forecast?period=month&groupBy=rep'

export const scenarios: Record<string, Scenario> = {
  get: {
    name: 'get contact by id',
    autocannon: (ctx) => ({
      headers: headers(ctx),
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/contacts/${pick(ctx.sample.contactIds)}`,
          }),
        },
      ],
    }),
  },
  list: {
    name: 'filtered, sorted list page of 50',
    autocannon: (ctx) => ({ headers: headers(ctx), requests: [{ path: listPath }] }),
  },
  search: {
    name: 'global search',
    autocannon: (ctx) => ({
      headers: headers(ctx),
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/search?q=${encodeURIComponent(pick(ctx.sample.lastNames))}&limit=10`,
          }),
        },
      ],
    }),
  },
  create: {
    name: 'create one contact',
    autocannon: (ctx) => ({
      method: 'POST',
      headers: headers(ctx, true),
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: '/api/v1/contacts',
            method: 'POST',
            body: JSON.stringify(newContact(counter++)),
          }),
        },
      ],
    }),
  },
  bulk: {
    name: 'bulk create (1,000 a request)',
    recordsPerRequest: 1000,
    autocannon: (ctx) => ({
      connections: 4,
      headers: headers(ctx, true),
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: '/api/v1/contacts/bulk',
            method: 'POST',
            body: JSON.stringify({
              records: Array.from({ length: 1000 }, () => newContact(counter++)),
            }),
          }),
        },
      ],
    }),
  },
  mixed: {
    // PERFORMANCE.md's mixed load: 8 clients, each in turn a list, a get, an update, a search.
    name: 'mixed load (8 clients)',
    autocannon: (ctx) => ({
      connections: 8,
      headers: headers(ctx, true),
      requests: [
        { path: listPath, method: 'GET' },
        {
          setupRequest: (req) => ({
            ...req,
            method: 'GET',
            path: `/api/v1/contacts/${pick(ctx.sample.contactIds)}`,
          }),
        },
        {
          setupRequest: (req) => ({
            ...req,
            method: 'PATCH',
            path: `/api/v1/contacts/${pick(ctx.sample.contactIds)}`,
            body: JSON.stringify({ title: `Myyntipäällikkö ${counter++ % 100}` }),
          }),
        },
        {
          setupRequest: (req) => ({
            ...req,
            method: 'GET',
            path: `/api/v1/contacts?q=${encodeURIComponent(pick(ctx.sample.lastNames).slice(0, 5))}&limit=50`,
          }),
        },
      ],
    }),
  },
  board: {
    name: 'board of a pipeline with 10k open deals',
    autocannon: (ctx) => ({
      connections: salesConnections,
      headers: headers(ctx),
      requests: [{ path: `/api/v1/pipelines/${ctx.sample.pipelineId}/board` }],
    }),
  },
  forecast: {
    name: 'forecast by month and rep',
    autocannon: (ctx) => ({
      connections: salesConnections,
      headers: headers(ctx),
      requests: [{ path: forecastPath }],
    }),
  },
  move: {
    // Each request moves the next deal to the other of two stages, so every move changes the
    // stage (gate check, stay history, timeline, audit, live event), never a no-op.
    name: 'drag-and-drop move of a deal',
    autocannon: (ctx) => {
      const [a, b] = ctx.sample.moveStageIds
      const stageOf = new Map(ctx.sample.deals.map((d) => [d.id, d.stageId]))
      return {
        connections: salesConnections,
        headers: headers(ctx, true),
        requests: [
          {
            setupRequest: (req) => {
              const deal = pick(ctx.sample.deals)
              const to = stageOf.get(deal.id) === a ? b : a
              stageOf.set(deal.id, to)
              return {
                ...req,
                method: 'POST',
                path: `/api/v1/deals/${deal.id}/move`,
                body: JSON.stringify({ stageId: to }),
              }
            },
          },
        ],
      }
    },
  },
}
