import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'

// A list page writes its audit entries in the page's own statement (planPage): the entries must
// be the ones auditEntries makes — one per record up to ten, else one naming the page's ids in
// page order — and never name the row read only to know whether another page follows.

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

async function listEntries(ws: Client) {
  return t.deps.db
    .selectFrom('audit_log')
    .selectAll()
    .where('workspace_id', '=', ws.workspaceId)
    .where('action', '=', 'list')
    .orderBy('id')
    .execute()
}

async function withContacts(n: number): Promise<Client> {
  const ws = await makeWorkspace(t)
  const records = Array.from({ length: n }, (_, i) => ({ lastName: `Sivu ${1000 + i}` }))
  await ws.post('/api/v1/contacts/bulk', { records })
  return ws
}

describe('audit of a list page', () => {
  it('writes one entry per record for a page of up to ten', async () => {
    const ws = await withContacts(3)
    const page = (await ws.get('/api/v1/contacts?sort=lastName')).json().data as { id: string }[]
    const rows = await listEntries(ws)
    expect(rows.map((r) => r.record_id).sort()).toEqual(page.map((c) => c.id).sort())
    expect(new Set(rows.map((r) => r.id)).size).toBe(3)
    for (const r of rows)
      expect(r).toMatchObject({
        object_type: 'contact',
        record_count: 1,
        actor_user_id: ws.userId,
        details: { view: 'list' },
      })
  })

  it('writes one entry with the ids in page order for a larger page, without the lookahead row', async () => {
    const ws = await withContacts(13)
    const res = await ws.get('/api/v1/contacts?sort=-lastName&limit=12')
    const page = res.json().data as { id: string }[]
    expect(page).toHaveLength(12)
    expect(res.json().nextCursor).not.toBeNull()
    const rows = await listEntries(ws)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      record_id: null,
      record_count: 12,
      details: { view: 'list', recordIds: page.map((c) => c.id) },
    })
  })

  it('writes nothing for an empty page, and still audits a ranked search page', async () => {
    const ws = await withContacts(2)
    await ws.get('/api/v1/contacts?filter[lifecycleStage][eq]=customer')
    expect(await listEntries(ws)).toHaveLength(0)
    const found = (await ws.get('/api/v1/contacts?q=Sivu')).json().data as { id: string }[]
    expect(found).toHaveLength(2)
    expect((await listEntries(ws)).map((r) => r.record_id).sort()).toEqual(
      found.map((c) => c.id).sort(),
    )
  })
})
