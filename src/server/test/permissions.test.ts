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
]

const okStatus: Record<Action, number> = { read: 200, create: 201, update: 200, delete: 204 }

let t: TestApp
let admin: Client
const members = new Map<Role, Client>()

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
  for (const role of roles) members.set(role, await makeMember(t, admin.workspaceId, role))
})
afterAll(async () => t.close())

function fixtureOf(e: Endpoint, owner: Client): Promise<string> {
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
