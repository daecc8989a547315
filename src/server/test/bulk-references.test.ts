import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './create-test-app'
import { makeWorkspace, type Client } from './factories'

// A bulk request whose record points at a user, tag or company that does not exist is refused
// by the database's foreign key; the answer must name that record (`records.N.`), as the
// service's own checks do, and write nothing.

let t: TestApp
let ws: Client
const missing = '01900000-0000-7000-8000-000000000000'

beforeAll(async () => {
  t = await createTestApp()
  ws = await makeWorkspace(t)
})
afterAll(async () => t.close())

async function refusedPath(method: 'post' | 'patch', url: string, records: object[]) {
  const res = await ws[method](url, { records })
  expect(res.statusCode).toBe(400)
  const [issue] = res.json().errors
  expect(issue.code).toBe('unknown_reference')
  return issue.path as string
}

describe('bulk create and update name the record of a missing reference', () => {
  it('contacts: owner and tag', async () => {
    const url = '/api/v1/contacts/bulk'
    expect(
      await refusedPath('post', url, [
        { lastName: 'Hyvä' },
        { lastName: 'Huono', ownerId: missing },
      ]),
    ).toBe('records.1.ownerId')
    expect(
      await refusedPath('post', url, [
        { lastName: 'Hyvä' },
        { lastName: 'Huono', tagIds: [missing] },
      ]),
    ).toBe('records.1.tagIds.0')
    const count = await ws.get('/api/v1/contacts?includeTotal=true&limit=1')
    expect(count.json().total).toBe(0)

    const created = (
      await ws.post(url, { records: [{ lastName: 'Eka' }, { lastName: 'Toka' }] })
    ).json().data as { id: string }[]
    expect(
      await refusedPath('patch', url, [
        { id: created[0]!.id, title: 'Myyjä' },
        { id: created[1]!.id, ownerId: missing },
      ]),
    ).toBe('records.1.ownerId')
    const first = await ws.get(`/api/v1/contacts/${created[0]!.id}`)
    expect(first.json().title).toBeNull()
  })

  it('companies: owner, parent and tag', async () => {
    const url = '/api/v1/companies/bulk'
    expect(
      await refusedPath('post', url, [{ name: 'Hyvä Oy' }, { name: 'Huono Oy', ownerId: missing }]),
    ).toBe('records.1.ownerId')
    expect(
      await refusedPath('post', url, [
        { name: 'Hyvä Oy' },
        { name: 'Huono Oy', parentId: missing },
      ]),
    ).toBe('records.1.parentId')
    expect(
      await refusedPath('post', url, [
        { name: 'Hyvä Oy' },
        { name: 'Huono Oy', tagIds: [missing] },
      ]),
    ).toBe('records.1.tagIds.0')
    const created = (await ws.post(url, { records: [{ name: 'Eka Oy' }] })).json().data as {
      id: string
    }[]
    expect(await refusedPath('patch', url, [{ id: created[0]!.id, tagIds: [missing] }])).toBe(
      'records.0.tagIds.0',
    )
  })

  it('a single create keeps the bare field path', async () => {
    const res = await ws.post('/api/v1/contacts', { lastName: 'Yksi', ownerId: missing })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].path).toBe('ownerId')
  })
})
