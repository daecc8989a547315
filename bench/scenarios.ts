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
}
