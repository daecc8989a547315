import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace } from '../../test/factories'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

type Entry = { id: string; action: string; objectType: string; recordId: string | null }

describe('GET /api/v1/audit-log', () => {
  it('filters by action, object and record, newest first', async () => {
    const admin = await makeWorkspace(t)
    const a = (await admin.post('/api/v1/companies', { name: 'Eka Oy' })).json()
    const b = (await admin.post('/api/v1/companies', { name: 'Toka Oy' })).json()
    await admin.patch(`/api/v1/companies/${a.id}`, { name: 'Eka Uusi Oy' })
    const creates = (await admin.get('/api/v1/audit-log?action=create&objectType=company')).json()
      .data
    expect(creates.map((e: Entry) => e.recordId)).toEqual([b.id, a.id])
    const ofA = (await admin.get(`/api/v1/audit-log?recordId=${a.id}`)).json().data
    expect(ofA.map((e: Entry) => e.action)).toEqual(['update', 'create'])
    expect(ofA[0]).toMatchObject({ actorUserId: admin.userId, actorApiKeyId: null })
  })

  it('pages with a cursor through every entry exactly once', async () => {
    const admin = await makeWorkspace(t)
    const records = Array.from({ length: 7 }, (_, i) => ({ name: `Sivu ${i} Oy` }))
    for (const r of records) await admin.post('/api/v1/companies', r)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/audit-log?objectType=company&limit=3${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await admin.get(url)).json()
      seen.push(...page.data.map((e: Entry) => e.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
    expect((await admin.get('/api/v1/audit-log?cursor=rikki')).json().errors[0].code).toBe(
      'invalid_cursor',
    )
  })

  it('filters by time and never shows another workspace’s entries', async () => {
    const admin = await makeWorkspace(t)
    const other = await makeWorkspace(t)
    await other.post('/api/v1/companies', { name: 'Muiden Oy' })
    const future = new Date(Date.now() + 3600_000).toISOString()
    const none = await admin.get(`/api/v1/audit-log?from=${encodeURIComponent(future)}`)
    expect(none.json().data).toEqual([])
    const all = (await admin.get('/api/v1/audit-log?limit=500')).json().data
    expect(all.some((e: Entry) => e.objectType === 'company')).toBe(false)
    expect(all.length).toBeGreaterThan(0)
  })

  it('is for admins only', async () => {
    const admin = await makeWorkspace(t)
    const manager = await makeMember(t, admin.workspaceId, 'manager')
    expect((await manager.get('/api/v1/audit-log')).statusCode).toBe(403)
    expect((await manager.get('/api/v1/audit-log/export')).statusCode).toBe(403)
  })
})

describe('GET /api/v1/audit-log/export', () => {
  it('streams the filtered log as CSV, and the export is itself logged', async () => {
    const admin = await makeWorkspace(t)
    const company = (await admin.post('/api/v1/companies', { name: '=Kaava Oy' })).json()
    const res = await admin.get('/api/v1/audit-log/export?objectType=company')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain('attachment')
    const lines = res.body.trim().split('\r\n')
    expect(lines[0]).toBe(
      'createdAt,action,objectType,recordId,recordCount,actorUserId,actorApiKeyId,requestId,ip,details,id',
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`,create,company,${company.id},1,${admin.userId},`)
    const exports = (await admin.get('/api/v1/audit-log?action=export')).json().data
    expect(exports).toEqual([expect.objectContaining({ objectType: 'audit-log' })])
  })
})

describe('append-only', () => {
  it('the database refuses to update or delete an audit entry', async () => {
    const admin = await makeWorkspace(t)
    const [entry] = (await admin.get('/api/v1/audit-log')).json().data
    await expect(
      sql`update audit_log set action = 'forged' where id = ${entry.id}::uuid`.execute(t.deps.db),
    ).rejects.toThrow(/append-only/)
    await expect(
      sql`delete from audit_log where id = ${entry.id}::uuid`.execute(t.deps.db),
    ).rejects.toThrow(/append-only/)
    const after = (await admin.get(`/api/v1/audit-log?limit=500`)).json().data
    expect(after.find((e: Entry) => e.id === entry.id)).toMatchObject({ action: entry.action })
  })
})
