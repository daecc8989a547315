import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  actions,
  roleCan,
  roles,
  type Action,
  type Resource,
  type Role,
} from '../../shared/permissions'
import { newId } from '../lib/ids'
import { createTestApp, type TestApp } from './create-test-app'
import { makeMember, makeWorkspace, type Client } from './factories'

// Every role against every endpoint that exists: what roleRights forbids answers 403, what it
// allows succeeds. Add a row when a module adds a resource.

type Endpoint = {
  /** The roleRights resource; null for endpoints every signed-in role may use. */
  resource: Resource | null
  path: string
  readPath?: string
  create?: () => object
  update?: () => object
  canDelete?: boolean
  hasGetById?: boolean
  /** The resource is the workspace itself: update is PATCH on the path, no id. */
  isSingleton?: boolean
  /** Makes a record in the owner's workspace when `create` alone cannot (it needs parents). */
  fixture?: (owner: Client) => Promise<string>
}

const uniq = () => newId().slice(-12)
const made = async (admin: Client, path: string, body: object) => {
  const res = await admin.post(path, body)
  if (res.statusCode !== 201) throw new Error(`fixture ${path}: ${res.statusCode} ${res.body}`)
  const json = res.json()
  return (json.user?.id ?? json.id) as string
}

const userBody = () => ({
  email: `u-${uniq()}@example.test`,
  name: 'Kokeilu',
  role: 'sales',
  password: 'salasana-kokeilu',
})

async function salesDeal(owner: Client): Promise<string> {
  const stages = [{ name: 'Liidi', probability: 10 }]
  const pipelineId = await made(owner, '/api/v1/pipelines', { name: `P ${uniq()}`, stages })
  return made(owner, '/api/v1/deals', { title: 'Kauppa', pipelineId })
}

const endpoints: Endpoint[] = [
  {
    resource: 'companies',
    path: '/api/v1/companies',
    create: () => ({ name: `Yritys ${uniq()}` }),
    update: () => ({ name: `Uusi ${uniq()}` }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'contacts',
    path: '/api/v1/contacts',
    create: () => ({ firstName: `Etu ${uniq()}` }),
    update: () => ({ firstName: 'Toinen' }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'activities',
    path: '/api/v1/activities',
    create: () => ({ type: 'note', subject: `Muistio ${uniq()}` }),
    update: () => ({ subject: 'Muutettu' }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'tags',
    path: '/api/v1/tags',
    create: () => ({ name: `Tagi ${uniq()}` }),
    update: () => ({ name: `Tagi ${uniq()}` }),
    canDelete: true,
  },
  {
    resource: 'custom-fields',
    path: '/api/v1/custom-fields',
    create: () => ({
      objectType: 'company',
      key: `k_${uniq().replace(/-/g, '')}`,
      labelFi: 'Kenttä',
      labelEn: 'Field',
      type: 'text',
    }),
    update: () => ({ labelFi: 'Muutettu' }),
    canDelete: true,
  },
  {
    resource: 'users',
    path: '/api/v1/users',
    create: userBody,
    update: () => ({ name: 'Muutettu' }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'teams',
    path: '/api/v1/teams',
    create: () => ({ name: `Tiimi ${uniq()}` }),
    update: () => ({ name: `Tiimi ${uniq()}` }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'api-keys',
    path: '/api/v1/api-keys',
    create: () => ({ name: 'Avain', scopes: ['companies:read'] }),
    canDelete: true,
  },
  { resource: 'audit-log', path: '/api/v1/audit-log' },
  {
    resource: 'workspace',
    path: '/api/v1/workspace',
    update: () => ({ name: 'Testi Oy' }),
    isSingleton: true,
  },
  { resource: null, path: '/api/v1/search', readPath: '/api/v1/search?q=yritys' },
  {
    resource: 'pipelines',
    path: '/api/v1/pipelines',
    create: () => ({ name: `Putki ${uniq()}`, stages: [{ name: 'Liidi', probability: 10 }] }),
    update: () => ({ name: `Putki ${uniq()}` }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'deals',
    path: '/api/v1/deals',
    create: () => ({ title: `Kauppa ${uniq()}`, pipelineId: salesFixture.pipelineId }),
    fixture: async (owner) => salesDeal(owner),
    update: () => ({ title: `Kauppa ${uniq()}` }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'products',
    path: '/api/v1/products',
    create: () => ({ name: `Tuote ${uniq()}`, unitPrice: 1000 }),
    update: () => ({ name: `Tuote ${uniq()}` }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'quotes',
    path: '/api/v1/quotes',
    create: () => ({ dealId: salesFixture.dealId }),
    fixture: async (owner) => made(owner, '/api/v1/quotes', { dealId: await salesDeal(owner) }),
    update: () => ({ title: `Tarjous ${uniq()}` }),
    canDelete: true,
    hasGetById: true,
  },
  { resource: 'forecast', path: '/api/v1/forecast' },
  { resource: 'targets', path: '/api/v1/targets/quotas' },
  {
    resource: 'leads',
    path: '/api/v1/leads',
    create: () => ({ lastName: `Liidi ${uniq()}`, email: `l-${uniq()}@example.test` }),
    update: () => ({ status: 'working' }),
    hasGetById: true,
  },
  {
    resource: 'purposes',
    path: '/api/v1/purposes',
    create: () => ({
      key: `p_${uniq()}`,
      legalBasis: 'consent',
      channels: ['email'],
      nameFi: 'Uutiskirje',
      nameEn: 'Newsletter',
    }),
    update: () => ({ nameFi: `Uutiskirje ${uniq()}` }),
    canDelete: true,
    hasGetById: true,
  },
  {
    resource: 'privacy-requests',
    path: '/api/v1/privacy-requests',
    create: () => ({ type: 'access', notes: 'By phone' }),
    update: () => ({ status: 'in_progress' }),
    hasGetById: true,
  },
  {
    resource: 'retention-policies',
    path: '/api/v1/retention-policies',
    create: () => ({ name: `Liidit ${uniq()}`, lifecycleStage: 'lead', inactiveMonths: 24 }),
    update: () => ({ inactiveMonths: 36 }),
    canDelete: true,
    hasGetById: true,
  },
]

const okStatus: Record<Action, number> = { read: 200, create: 201, update: 200, delete: 204 }

let t: TestApp
let admin: Client
// Deals and quotes need a pipeline and a deal of the workspace to refer to.
const salesFixture = { pipelineId: '', dealId: '' }
const members = new Map<Role, Client>()

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
  for (const role of roles) members.set(role, await makeMember(t, admin.workspaceId, role))
  salesFixture.pipelineId = await made(admin, '/api/v1/pipelines', {
    name: 'Myynti',
    stages: [{ name: 'Liidi', probability: 10 }],
  })
  salesFixture.dealId = await made(admin, '/api/v1/deals', {
    title: 'Kauppa',
    pipelineId: salesFixture.pipelineId,
  })
})
afterAll(async () => t.close())

function fixtureOf(e: Endpoint, owner: Client): Promise<string> {
  if (e.fixture) return e.fixture(owner)
  if (!e.create) throw new Error(`no fixture for ${e.path}`)
  return made(owner, e.path, e.create())
}

async function attempt(client: Client, e: Endpoint, action: Action) {
  switch (action) {
    case 'read':
      return client.get(e.readPath ?? e.path)
    case 'create':
      return client.post(e.path, e.create?.())
    case 'update':
      if (e.isSingleton) return client.patch(e.path, e.update?.())
      return client.patch(`${e.path}/${await fixtureOf(e, admin)}`, e.update?.())
    case 'delete':
      return client.delete(`${e.path}/${await fixtureOf(e, admin)}`)
  }
}

function supports(e: Endpoint, action: Action): boolean {
  if (action === 'read') return true
  if (action === 'create') return e.create !== undefined
  if (action === 'update') return e.update !== undefined
  return e.canDelete === true
}

describe.each(roles)('role %s', (role) => {
  it.each(endpoints.map((e) => [e.path, e] as const))(
    'gets 403 exactly where roleRights forbids it on %s',
    async (_path, e) => {
      const client = members.get(role)
      if (!client) throw new Error('no member')
      const wrong: string[] = []
      for (const action of actions.filter((a) => supports(e, a))) {
        const isAllowed = e.resource === null || roleCan(role, e.resource, action)
        const res = await attempt(client, e, action)
        const expected = isAllowed ? okStatus[action] : 403
        if (res.statusCode !== expected)
          wrong.push(
            `${action}: ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 200)}`,
          )
      }
      expect(wrong).toEqual([])
    },
  )
})

describe('another workspace', () => {
  it.each(
    endpoints
      .filter((e) => e.create && (e.hasGetById || e.update || e.canDelete) && !e.isSingleton)
      .map((e) => [e.path, e] as const),
  )('answers 404 for its records on %s/:id', async (_path, e) => {
    const other = await makeWorkspace(t, 'Toinen Oy')
    const theirs = await fixtureOf(e, other)
    const url = `${e.path}/${theirs}`
    if (e.hasGetById) expect((await admin.get(url)).statusCode).toBe(404)
    if (e.update) expect((await admin.patch(url, e.update())).statusCode).toBe(404)
    if (e.canDelete) expect((await admin.delete(url)).statusCode).toBe(404)
    if (e.hasGetById) expect((await other.get(url)).statusCode).toBe(200)
  })
})
