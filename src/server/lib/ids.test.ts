import { describe, expect, it } from 'vitest'
import { isUuid, newId } from './ids'

describe('newId', () => {
  it('makes distinct UUID v7s in the order they were made, stamped with the time', () => {
    const before = Date.now()
    const ids = Array.from({ length: 20_000 }, () => newId())
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    for (const id of ids.slice(0, 100)) {
      expect(isUuid(id)).toBe(true)
      expect(id[14]).toBe('7')
      expect('89ab').toContain(id[19])
    }
    const ms = parseInt((ids[0] as string).replaceAll('-', '').slice(0, 12), 16)
    expect(ms).toBeGreaterThanOrEqual(before)
    expect(ms).toBeLessThanOrEqual(Date.now() + 10)
  })
})
