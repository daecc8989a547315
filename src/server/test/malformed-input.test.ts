import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './create-test-app'
import { makeWorkspace, type Client } from './factories'

// Random and malformed bodies against every create and update endpoint: the server must answer
// with a client error or success, never 500, and a refused request must write nothing.

let t: TestApp
let admin: Client
const ids: Record<string, string> = {}

type Endpoint = {
  method: 'POST' | 'PATCH' | 'PUT'
  url: () => string
  route: string
  valid: () => Record<string, unknown>
}

const endpoints: Endpoint[] = [
  {
    method: 'POST',
    route: '/api/v1/companies',
    url: () => '/api/v1/companies',
    valid: () => ({ name: 'Testi Oy', businessId: '0737546-2', tier: 'A' }),
  },
  {
    method: 'POST',
    route: '/api/v1/companies/bulk',
    url: () => '/api/v1/companies/bulk',
    valid: () => ({ records: [{ name: 'A Oy' }, { name: 'B Oy' }] }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/companies/:id',
    url: () => `/api/v1/companies/${ids.company}`,
    valid: () => ({ name: 'Uusi Oy', domain: 'uusi.fi' }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/companies/bulk',
    url: () => '/api/v1/companies/bulk',
    valid: () => ({ records: [{ id: ids.company, tier: 'B' }] }),
  },
  {
    method: 'POST',
    route: '/api/v1/contacts',
    url: () => '/api/v1/contacts',
    valid: () => ({
      firstName: 'Maija',
      lastName: 'Meikäläinen',
      emails: [{ address: 'maija@example.fi' }],
      phones: [{ number: '040 123 4567' }],
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/contacts/bulk',
    url: () => '/api/v1/contacts/bulk',
    valid: () => ({ records: [{ lastName: 'Virtanen' }] }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/contacts/:id',
    url: () => `/api/v1/contacts/${ids.contact}`,
    valid: () => ({ title: 'Toimitusjohtaja' }),
  },
  {
    method: 'POST',
    route: '/api/v1/activities',
    url: () => '/api/v1/activities',
    valid: () => ({ type: 'call', subject: 'Soitto' }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/activities/:id',
    url: () => `/api/v1/activities/${ids.activity}`,
    valid: () => ({ subject: 'Palaveri' }),
  },
  {
    method: 'POST',
    route: '/api/v1/tags',
    url: () => '/api/v1/tags',
    valid: () => ({ name: `Tagi ${Math.random()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/custom-fields',
    url: () => '/api/v1/custom-fields',
    valid: () => ({
      objectType: 'company',
      key: `k${Math.floor(Math.random() * 1e9)}`,
      labelFi: 'Kenttä',
      labelEn: 'Field',
      type: 'text',
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/teams',
    url: () => '/api/v1/teams',
    valid: () => ({ name: `Tiimi ${Math.random()}` }),
  },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    valid: () => ({ email: `u${Math.random()}@example.fi`, name: 'Uusi', role: 'sales' }),
  },
  {
    method: 'POST',
    route: '/api/v1/api-keys',
    url: () => '/api/v1/api-keys',
    valid: () => ({ name: 'Avain', scopes: ['companies:read'] }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/workspace',
    url: () => '/api/v1/workspace',
    valid: () => ({ name: 'Työtila' }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/me',
    url: () => '/api/v1/me',
    valid: () => ({ name: 'Minä' }),
  },
  {
    method: 'POST',
    route: '/api/v1/pipelines',
    url: () => '/api/v1/pipelines',
    valid: () => ({
      name: 'Putki',
      stages: [{ name: 'Liidi', probability: 10, rottingDays: 7 }],
      scorecard: [
        {
          key: 'budget',
          name: 'Budjetti',
          weight: 10,
          options: [{ key: 'yes', label: 'Kyllä', points: 100 }],
        },
      ],
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/pipelines/:id',
    url: () => `/api/v1/pipelines/${ids.pipeline}`,
    valid: () => ({ name: 'Putki 2' }),
  },
  {
    method: 'POST',
    route: '/api/v1/deals',
    url: () => '/api/v1/deals',
    valid: () => ({
      title: 'Kauppa',
      pipelineId: ids.pipeline,
      amount: 100000,
      currency: 'EUR',
      expectedCloseDate: '2027-01-31',
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/deals/:id',
    url: () => `/api/v1/deals/${ids.deal}`,
    valid: () => ({ amount: 5000, companyId: ids.company }),
  },
  {
    method: 'POST',
    route: '/api/v1/deals/:id/move',
    url: () => `/api/v1/deals/${ids.deal}/move`,
    valid: () => ({ stageId: ids.stage, position: 0 }),
  },
  {
    method: 'PUT',
    route: '/api/v1/deals/:id/scorecard',
    url: () => `/api/v1/deals/${ids.deal}/scorecard`,
    valid: () => ({ answers: [{ criterionKey: 'budget', optionKey: 'yes' }] }),
  },
  {
    method: 'PUT',
    route: '/api/v1/deals/:id/lines',
    url: () => `/api/v1/deals/${ids.deal}/lines`,
    valid: () => ({ lines: [{ productId: ids.product, quantity: 2, discountPercent: 5 }] }),
  },
  {
    method: 'POST',
    route: '/api/v1/products',
    url: () => '/api/v1/products',
    valid: () => ({ name: 'Tuote', unitPrice: 1990, vatRate: 14 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/products/:id',
    url: () => `/api/v1/products/${ids.product}`,
    valid: () => ({ unitPrice: 2990 }),
  },
  {
    method: 'POST',
    route: '/api/v1/quotes',
    url: () => '/api/v1/quotes',
    valid: () => ({ dealId: ids.deal, language: 'en' }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/quotes/:id',
    url: () => `/api/v1/quotes/${ids.quote}`,
    valid: () => ({ title: 'Tarjous' }),
  },
  {
    method: 'PUT',
    route: '/api/v1/targets/quotas',
    url: () => '/api/v1/targets/quotas',
    valid: () => ({
      userId: admin.userId,
      period: 'quarter',
      periodStart: '2027-01-01',
      amount: 100000,
    }),
  },
  {
    method: 'PUT',
    route: '/api/v1/targets/activity/:userId',
    url: () => `/api/v1/targets/activity/${admin.userId}`,
    valid: () => ({ calls: 20, meetings: 5 }),
  },
  {
    method: 'POST',
    route: '/api/v1/leads',
    url: () => '/api/v1/leads',
    valid: () => ({
      firstName: 'Liisa',
      email: 'liisa@example.fi',
      companyName: 'Liidi Oy',
      region: 'Uusimaa',
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/leads/:id',
    url: () => `/api/v1/leads/${ids.lead}`,
    valid: () => ({ status: 'working', industry: 'Kauppa' }),
  },
  {
    method: 'POST',
    route: '/api/v1/leads/:id/convert',
    url: () => `/api/v1/leads/${ids.lead}/convert`,
    valid: () => ({ pipelineId: ids.pipeline, amount: 1000 }),
  },
  {
    method: 'PUT',
    route: '/api/v1/leads/scoring-rules',
    url: () => '/api/v1/leads/scoring-rules',
    valid: () => ({ rules: [{ kind: 'fit', field: 'region', value: 'Uusimaa', points: 10 }] }),
  },
  {
    method: 'PUT',
    route: '/api/v1/leads/assignment-rules',
    url: () => '/api/v1/leads/assignment-rules',
    valid: () => ({ rules: [{ kind: 'round_robin', userId: admin.userId }] }),
  },
  {
    method: 'POST',
    route: '/api/v1/purposes',
    url: () => '/api/v1/purposes',
    valid: () => ({
      key: `p${Math.floor(Math.random() * 1e9)}`,
      legalBasis: 'consent',
      channels: ['email'],
      nameFi: 'Uutiskirje',
      nameEn: 'Newsletter',
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/purposes/:id',
    url: () => `/api/v1/purposes/${ids.purpose}`,
    valid: () => ({ descriptionFi: 'Kuvaus', channels: ['email', 'sms'] }),
  },
  {
    method: 'POST',
    route: '/api/v1/contacts/:id/consents',
    url: () => `/api/v1/contacts/${ids.contact}/consents`,
    valid: () => ({
      purposeKey: 'fuzz_newsletter',
      status: 'granted',
      channels: ['email'],
      source: 'form',
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/privacy-requests',
    url: () => '/api/v1/privacy-requests',
    valid: () => ({ type: 'access', contactId: ids.contact, notes: 'Puhelimessa' }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/privacy-requests/:id',
    url: () => `/api/v1/privacy-requests/${ids.privacyRequest}`,
    valid: () => ({ status: 'in_progress', handlerId: admin.userId }),
  },
  {
    method: 'POST',
    route: '/api/v1/retention-policies',
    url: () => '/api/v1/retention-policies',
    valid: () => ({ name: 'Liidit', lifecycleStage: 'lead', inactiveMonths: 24 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/retention-policies/:id',
    url: () => `/api/v1/retention-policies/${ids.retentionPolicy}`,
    valid: () => ({ inactiveMonths: 36, isActive: false }),
  },
]

const counted = [
  'companies',
  'contacts',
  'activities',
  'tags',
  'timeline_events',
  'custom_field_definitions',
  'teams',
  'api_keys',
  'pipelines',
  'deals',
  'deal_lines',
  'deal_stage_history',
  'products',
  'quotes',
  'quote_lines',
  'leads',
  'quotas',
  'activity_targets',
  'lead_scoring_rules',
  'lead_assignment_rules',
  'purposes',
  'consent_events',
  'privacy_requests',
  'retention_policies',
]

async function rowCounts(): Promise<string> {
  const parts = counted.map(
    (table) =>
      sql`(select count(*) from ${sql.table(table)} where workspace_id = ${admin.workspaceId})`,
  )
  const r = await sql<{
    counts: string
  }>`select concat_ws(',', ${sql.join(parts)}) as counts`.execute(t.deps.db)
  return r.rows[0]!.counts
}

const jsonValue = fc.jsonValue({ maxDepth: 3 })
// A valid body with one field replaced by a random value, or a random key added.
const mutation = fc.record({
  key: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('name', 'emails', 'records', 'businessId', 'type', 'id', 'custom', 'ownerId'),
  ),
  value: jsonValue,
})
const input = fc.oneof(
  jsonValue.map((body) => ({ body })),
  mutation.map((m) => ({ mutate: m })),
)

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
  ids.company = (await admin.post('/api/v1/companies', { name: 'Pohja Oy' })).json().id
  const contact = await admin.post('/api/v1/contacts', { lastName: 'Pohja' })
  if (contact.statusCode === 201) ids.contact = contact.json().id
  const activity = await admin.post('/api/v1/activities', { type: 'note', subject: 'Pohja' })
  if (activity.statusCode === 201) ids.activity = activity.json().id
  const purpose = await admin.post('/api/v1/purposes', {
    key: 'fuzz_newsletter',
    legalBasis: 'consent',
    channels: ['email'],
    nameFi: 'Uutiskirje',
    nameEn: 'Newsletter',
  })
  if (purpose.statusCode === 201) ids.purpose = purpose.json().id
  const request = await admin.post('/api/v1/privacy-requests', { type: 'access' })
  if (request.statusCode === 201) ids.privacyRequest = request.json().id
  const policy = await admin.post('/api/v1/retention-policies', {
    name: 'Pohja',
    inactiveMonths: 24,
  })
  if (policy.statusCode === 201) ids.retentionPolicy = policy.json().id
  const pipeline = await admin.post('/api/v1/pipelines', {
    name: 'Pohja',
    stages: [
      { name: 'A', probability: 10 },
      { name: 'B', probability: 50 },
    ],
    scorecard: [
      {
        key: 'budget',
        name: 'Budjetti',
        weight: 10,
        options: [{ key: 'yes', label: 'Kyllä', points: 100 }],
      },
    ],
  })
  if (pipeline.statusCode === 201) {
    ids.pipeline = pipeline.json().id
    ids.stage = pipeline.json().stages[1].id
    ids.deal = (
      await admin.post('/api/v1/deals', { title: 'Pohja', pipelineId: ids.pipeline })
    ).json().id
    ids.product = (
      await admin.post('/api/v1/products', { name: 'Pohja', unitPrice: 100 })
    ).json().id
    ids.quote = (await admin.post('/api/v1/quotes', { dealId: ids.deal })).json().id
    ids.lead = (await admin.post('/api/v1/leads', { lastName: 'Pohja' })).json().id
  }
})
afterAll(async () => t.close())

describe('random and malformed bodies to every create and update endpoint', () => {
  it('never answer 500 and never write when refused', async () => {
    const live = endpoints.filter((e) => t.app.hasRoute({ method: e.method, url: e.route }))
    expect(live.length).toBeGreaterThan(3)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...live), input, async (endpoint, generated) => {
        const payload =
          'mutate' in generated
            ? { ...endpoint.valid(), [generated.mutate.key]: generated.mutate.value }
            : generated.body
        const before = await rowCounts()
        const res = await admin.request({
          method: endpoint.method,
          url: endpoint.url(),
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        })
        expect(
          res.statusCode,
          `${endpoint.method} ${endpoint.route} ${JSON.stringify(payload)} → ${res.body}`,
        ).toBeLessThan(500)
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toContain('application/problem+json')
          expect(typeof res.json().code).toBe('string')
          expect(await rowCounts()).toBe(before)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('answer 400 INVALID_JSON to broken JSON and 413 to a body over the limit', async () => {
    const live = endpoints.filter((e) => t.app.hasRoute({ method: e.method, url: e.route }))
    for (const endpoint of live) {
      const broken = await admin.request({
        method: endpoint.method,
        url: endpoint.url(),
        headers: { 'content-type': 'application/json' },
        payload: '{"name": "x",',
      })
      expect(broken.statusCode, endpoint.route).toBe(400)
      expect(broken.json().code).toBe('INVALID_JSON')
    }
    const huge = await admin.request({
      method: 'POST',
      url: '/api/v1/companies',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) }),
    })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answer 400 naming the id to a malformed id in the path', async () => {
    const res = await admin.get('/api/v1/companies/not-a-uuid')
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'params.id', code: 'invalid_id' })
  })
})
