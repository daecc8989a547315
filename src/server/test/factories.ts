import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Role, VisibilityScope } from '../../shared/permissions'
import { newId } from '../lib/ids'
import { hashPassword } from '../lib/passwords'
import { insertMembership, insertUser } from '../modules/users/users.repo'
import { createWorkspace } from '../modules/workspaces/workspaces.service'
import type { TestApp } from './create-test-app'

export const testPassword = 'correct horse battery'
let passwordHash: Promise<string> | undefined

/** A client that sends one user's session cookie (or API key) with every request. */
export type Client = {
  userId: string
  workspaceId: string
  email: string
  request(opts: InjectOptions): Promise<LightMyRequestResponse>
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>
}

export function clientFor(
  app: FastifyInstance,
  auth: { cookie?: string; apiKey?: string },
  ids: { userId: string; workspaceId: string; email: string },
): Client {
  const headers: Record<string, string> = {}
  if (auth.cookie) headers.cookie = `suhde_session=${auth.cookie}`
  if (auth.apiKey) headers.authorization = `Bearer ${auth.apiKey}`
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...headers, ...opts.headers } })
  return {
    ...ids,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) =>
      request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    delete: (url, body) =>
      request({
        method: 'DELETE',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  }
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = testPassword,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === 'suhde_session')
  if (!cookie) throw new Error('no session cookie')
  return cookie.value
}

/** A new workspace with its admin signed in. */
export async function makeWorkspace(t: TestApp, name = 'Testi Oy'): Promise<Client> {
  const email = `admin-${newId()}@example.test`
  const { workspaceId, userId } = await createWorkspace(t.deps.db, {
    name,
    adminEmail: email,
    adminPassword: testPassword,
  })
  return clientFor(t.app, { cookie: await signIn(t.app, email) }, { userId, workspaceId, email })
}

/** Another member of the workspace, with a role and visibility scope, signed in. */
export async function makeMember(
  t: TestApp,
  workspaceId: string,
  role: Role,
  scope: VisibilityScope = 'all',
): Promise<Client> {
  const email = `${role}-${newId()}@example.test`
  const userId = newId()
  passwordHash ??= hashPassword(testPassword)
  await insertUser(t.deps.db, {
    id: userId,
    email,
    name: `${role} user`,
    passwordHash: await passwordHash,
  })
  await insertMembership(t.deps.db, { workspaceId, userId, role, scope })
  return clientFor(t.app, { cookie: await signIn(t.app, email) }, { userId, workspaceId, email })
}
