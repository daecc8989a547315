import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace } from '../../test/factories'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

const names = (res: { json(): { data: { name: string }[] } }) =>
  res
    .json()
    .data.map((c) => c.name)
    .sort()

describe('teams', () => {
  it('creates, renames, lists and deletes a team', async () => {
    const admin = await makeWorkspace(t)
    const created = await admin.post('/api/v1/teams', { name: 'Etelä' })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    const renamed = await admin.patch(`/api/v1/teams/${id}`, { name: 'Etelä-Suomi' })
    expect(renamed.json()).toMatchObject({ id, name: 'Etelä-Suomi', memberIds: [] })
    expect(names(await admin.get('/api/v1/teams'))).toEqual(['Etelä-Suomi'])
    expect((await admin.delete(`/api/v1/teams/${id}`)).statusCode).toBe(204)
    expect((await admin.get(`/api/v1/teams/${id}`)).statusCode).toBe(404)
  })

  it('answers 409 naming the field for a duplicate name, in any letter case', async () => {
    const admin = await makeWorkspace(t)
    await admin.post('/api/v1/teams', { name: 'Pohjoinen' })
    const res = await admin.post('/api/v1/teams', { name: 'POHJOINEN' })
    expect(res.statusCode).toBe(409)
    expect(res.json().errors[0]).toMatchObject({ path: 'name', code: 'duplicate' })
  })

  it('replaces the members, refusing a user who is not a member of the workspace', async () => {
    const admin = await makeWorkspace(t)
    const a = await makeMember(t, admin.workspaceId, 'sales')
    const b = await makeMember(t, admin.workspaceId, 'sales')
    const outsider = await makeWorkspace(t)
    const team = (
      await admin.post('/api/v1/teams', { name: 'Tiimi', memberIds: [a.userId] })
    ).json()
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/members`,
      payload: { userIds: [b.userId, admin.userId] },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().memberIds.sort()).toEqual([b.userId, admin.userId].sort())
    const bad = await admin.request({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}/members`,
      payload: { userIds: [a.userId, outsider.userId] },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0]).toMatchObject({ path: 'userIds.1', code: 'unknown_reference' })
    expect((await admin.get(`/api/v1/teams/${team.id}`)).json().memberIds).toHaveLength(2)
  })

  it('a sales user with team scope sees companies of teammates but not of others', async () => {
    const admin = await makeWorkspace(t)
    const seller = await makeMember(t, admin.workspaceId, 'sales', 'team')
    const teammate = await makeMember(t, admin.workspaceId, 'sales')
    const stranger = await makeMember(t, admin.workspaceId, 'sales')
    await admin.post('/api/v1/teams', {
      name: 'Myynti',
      memberIds: [seller.userId, teammate.userId],
    })
    await seller.post('/api/v1/companies', { name: 'Oma Oy' })
    const shared = (await teammate.post('/api/v1/companies', { name: 'Tiimin Oy' })).json()
    const hidden = (await stranger.post('/api/v1/companies', { name: 'Vieras Oy' })).json()
    expect(names(await seller.get('/api/v1/companies'))).toEqual(['Oma Oy', 'Tiimin Oy'])
    expect((await seller.get(`/api/v1/companies/${shared.id}`)).statusCode).toBe(200)
    expect((await seller.get(`/api/v1/companies/${hidden.id}`)).statusCode).toBe(404)
  })

  it('lets a manager manage teams but a sales user only read them', async () => {
    const admin = await makeWorkspace(t)
    const manager = await makeMember(t, admin.workspaceId, 'manager')
    const sales = await makeMember(t, admin.workspaceId, 'sales')
    expect((await manager.post('/api/v1/teams', { name: 'Johtajan' })).statusCode).toBe(201)
    expect((await sales.post('/api/v1/teams', { name: 'Myyjän' })).statusCode).toBe(403)
    expect(names(await sales.get('/api/v1/teams'))).toEqual(['Johtajan'])
  })
})
