import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { clientFor, makeMember, makeWorkspace, signIn, testPassword } from '../../test/factories'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

const newEmail = (what: string) => `${what}-${crypto.randomUUID()}@example.test`

describe('GET /api/v1/users', () => {
  it('lists the members with role, scope, teams, active state and last activity', async () => {
    const admin = await makeWorkspace(t)
    const sales = await makeMember(t, admin.workspaceId, 'sales', 'own')
    const team = (
      await admin.post('/api/v1/teams', { name: 'Myynti', memberIds: [sales.userId] })
    ).json()
    const res = await sales.get('/api/v1/users')
    expect(res.statusCode).toBe(200)
    const users = res.json().data
    expect(users).toHaveLength(2)
    expect(users.find((u: { id: string }) => u.id === sales.userId)).toMatchObject({
      email: sales.email,
      role: 'sales',
      scope: 'own',
      isActive: true,
      teams: [{ id: team.id, name: 'Myynti' }],
    })
    expect(users.find((u: { id: string }) => u.id === admin.userId).lastSeenAt).toEqual(
      expect.any(String),
    )
  })

  it('never shows members of another workspace', async () => {
    const admin = await makeWorkspace(t)
    const other = await makeWorkspace(t)
    const ids = (await admin.get('/api/v1/users')).json().data.map((u: { id: string }) => u.id)
    expect(ids).toEqual([admin.userId])
    expect((await admin.get(`/api/v1/users/${other.userId}`)).statusCode).toBe(404)
  })
})

describe('POST /api/v1/users', () => {
  it('creates a member with a password, who can then sign in', async () => {
    const admin = await makeWorkspace(t)
    const email = newEmail('new')
    const res = await admin.post('/api/v1/users', {
      email,
      name: 'Maija Meikäläinen',
      role: 'sales',
      scope: 'team',
      password: 'salasana-123',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      user: { email, name: 'Maija Meikäläinen', role: 'sales', scope: 'team' },
      invitation: null,
    })
    await expect(signIn(t.app, email, 'salasana-123')).resolves.toEqual(expect.any(String))
  })

  it('invites without a password; the token is stored hashed and accepting it signs in', async () => {
    const admin = await makeWorkspace(t)
    const email = newEmail('invited')
    const res = await admin.post('/api/v1/users', { email, name: 'Kutsuttu', role: 'service' })
    expect(res.statusCode).toBe(201)
    const { user, invitation } = res.json()
    expect(user).toBeNull()
    expect(invitation).toMatchObject({ email, role: 'service', scope: 'all' })
    const stored = await t.deps.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(invitation.token)
    expect((await admin.get('/api/v1/users/invitations')).json().data).toHaveLength(1)

    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: invitation.token, name: 'Kalle Kutsuttu', password: 'uusi-salasana-1' },
    })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ role: 'service', user: { name: 'Kalle Kutsuttu' } })
    const cookie = accepted.cookies.find((c) => c.name === 'suhde_session')?.value
    const invited = clientFor(t.app, { cookie }, { userId: '', workspaceId: '', email })
    expect((await invited.get('/api/v1/me')).json().workspace.id).toBe(admin.workspaceId)

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: invitation.token, name: 'Toinen', password: 'uusi-salasana-2' },
    })
    expect(again.statusCode).toBe(400)
    expect(again.json().errors[0]).toMatchObject({ path: 'token', code: 'invalid_value' })
  })

  it('answers 409 for an email that is already a member, and 400 naming a weak password', async () => {
    const admin = await makeWorkspace(t)
    const dup = await admin.post('/api/v1/users', { email: admin.email, name: 'X', role: 'sales' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().errors[0]).toMatchObject({ path: 'email', code: 'duplicate' })
    const weak = await admin.post('/api/v1/users', {
      email: newEmail('weak'),
      name: 'X',
      role: 'sales',
      password: 'lyhyt',
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().errors[0]).toMatchObject({ path: 'password', code: 'weak_password' })
  })
})

describe('PATCH /api/v1/users/:id', () => {
  it('changes role and scope, and the change applies on the member’s next request', async () => {
    const admin = await makeWorkspace(t)
    const member = await makeMember(t, admin.workspaceId, 'sales')
    const res = await admin.patch(`/api/v1/users/${member.userId}`, {
      role: 'read-only',
      scope: 'own',
    })
    expect(res.json()).toMatchObject({ role: 'read-only', scope: 'own' })
    expect((await member.post('/api/v1/companies', { name: 'Ei saa Oy' })).statusCode).toBe(403)
  })

  it('refuses to demote or deactivate the last admin with code last_admin', async () => {
    const admin = await makeWorkspace(t)
    const demote = await admin.patch(`/api/v1/users/${admin.userId}`, { role: 'manager' })
    expect(demote.statusCode).toBe(400)
    expect(demote.json().errors[0]).toMatchObject({ path: 'role', code: 'last_admin' })
    const deactivate = await admin.patch(`/api/v1/users/${admin.userId}`, { isActive: false })
    expect(deactivate.json().errors[0]).toMatchObject({ path: 'isActive', code: 'last_admin' })
    const remove = await admin.delete(`/api/v1/users/${admin.userId}`)
    expect(remove.statusCode).toBe(400)
    expect(remove.json().errors[0].code).toBe('last_admin')
    expect((await admin.get(`/api/v1/users/${admin.userId}`)).json().role).toBe('admin')
  })

  it('deactivating a member ends their sessions at once', async () => {
    const admin = await makeWorkspace(t)
    const member = await makeMember(t, admin.workspaceId, 'sales')
    expect((await member.get('/api/v1/me')).statusCode).toBe(200)
    const res = await admin.patch(`/api/v1/users/${member.userId}`, { isActive: false })
    expect(res.json().isActive).toBe(false)
    expect((await member.get('/api/v1/me')).statusCode).toBe(401)
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', member.userId)
      .execute()
    expect(sessions).toHaveLength(0)
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: testPassword },
    })
    expect(login.statusCode).toBe(401)
  })

  it('only an admin may change members', async () => {
    const admin = await makeWorkspace(t)
    const manager = await makeMember(t, admin.workspaceId, 'manager')
    const res = await manager.patch(`/api/v1/users/${admin.userId}`, { role: 'sales' })
    expect(res.statusCode).toBe(403)
  })
})

describe('DELETE /api/v1/users/:id', () => {
  it('removes the membership, ends the sessions and leaves their records without an owner', async () => {
    const admin = await makeWorkspace(t)
    const member = await makeMember(t, admin.workspaceId, 'sales')
    const company = (await member.post('/api/v1/companies', { name: 'Omistettu Oy' })).json()
    expect(company.ownerId).toBe(member.userId)
    expect((await admin.delete(`/api/v1/users/${member.userId}`)).statusCode).toBe(204)
    expect((await member.get('/api/v1/me')).statusCode).toBe(401)
    expect((await admin.get(`/api/v1/users/${member.userId}`)).statusCode).toBe(404)
    expect((await admin.get(`/api/v1/companies/${company.id}`)).json().ownerId).toBeNull()
    const entries = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('workspace_id', '=', admin.workspaceId)
      .where('object_type', '=', 'user')
      .where('record_id', '=', member.userId)
      .where('action', '=', 'delete')
      .execute()
    expect(entries).toEqual([{ action: 'delete', actor_user_id: admin.userId }])
  })
})

describe('POST /api/v1/users/:id/reset-password', () => {
  it('sets a new password and signs the member out everywhere', async () => {
    const admin = await makeWorkspace(t)
    const member = await makeMember(t, admin.workspaceId, 'sales')
    const res = await admin.post(`/api/v1/users/${member.userId}/reset-password`, {
      password: 'vaihdettu-salasana',
    })
    expect(res.json()).toEqual({ token: null, expiresAt: null })
    expect((await member.get('/api/v1/me')).statusCode).toBe(401)
    await expect(signIn(t.app, member.email, 'vaihdettu-salasana')).resolves.toBeTruthy()
  })

  it('makes a one-time reset link when no password is given', async () => {
    const admin = await makeWorkspace(t)
    const member = await makeMember(t, admin.workspaceId, 'sales')
    const made = await admin.post(`/api/v1/users/${member.userId}/reset-password`)
    expect(made.statusCode).toBe(200)
    const { token } = made.json()
    expect(token).toEqual(expect.any(String))
    const reset = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/reset-password',
        payload: { token, password },
      })
    expect((await reset('linkin-kautta-1')).statusCode).toBe(204)
    expect((await reset('linkin-kautta-2')).statusCode).toBe(400)
    await expect(signIn(t.app, member.email, 'linkin-kautta-1')).resolves.toBeTruthy()
  })
})
