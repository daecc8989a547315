import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace } from '../../test/factories'
import { ImportStatistics } from './import-statistics'
import { plannedRows } from './imports.repo'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('statistics of a growing import', () => {
  it('analyzes the table once the import wrote twice what the statistics know of', async () => {
    const ws = await makeWorkspace(t)
    const create = async (n: number) => {
      const records = Array.from({ length: n }, (_, i) => ({ lastName: `Tilasto${i}` }))
      expect((await ws.post('/api/v1/contacts/bulk', { records })).statusCode).toBe(201)
    }
    const statistics = new ImportStatistics(['contacts'], 20)
    await create(30)
    await statistics.afterChunk(t.deps.db, 30)
    const first = await plannedRows(t.deps.db, 'contacts')
    expect(first).toBeGreaterThanOrEqual(30)
    // Fewer rows than twice the known count since: the statistics are left as they are.
    await create(100)
    await statistics.afterChunk(t.deps.db, 1)
    expect(await plannedRows(t.deps.db, 'contacts')).toBe(first)
    await statistics.afterChunk(t.deps.db, 2 * first)
    expect(await plannedRows(t.deps.db, 'contacts')).toBeGreaterThanOrEqual(130)
  })
})
