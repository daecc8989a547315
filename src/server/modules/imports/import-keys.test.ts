import { describe, expect, it } from 'vitest'
import { newId } from '../../lib/ids'
import { IdTable } from './import-keys'

describe('the key index table', () => {
  it('keeps the first id of a hash, replaces on request, forgets, and grows', () => {
    const table = new IdTable()
    const ids = Array.from({ length: 100_000 }, () => newId())
    // Hashes above 2^32 and 0 (stored as 1) too: the table must not lose high bits.
    const hash = (i: number) => (i === 0 ? 0 : i * 2_147_483_659)
    ids.forEach((id, i) => table.set(hash(i), id, false))
    ids.forEach((id, i) => expect(table.get(hash(i))).toBe(id))
    table.set(hash(7), newId(), false)
    expect(table.get(hash(7))).toBe(ids[7])
    const other = newId()
    table.set(hash(7), other, true)
    expect(table.get(hash(7))).toBe(other)
    table.delete(hash(8))
    expect(table.get(hash(8))).toBeUndefined()
    expect(table.get(hash(9))).toBe(ids[9])
    table.set(hash(8), ids[8]!, false)
    expect(table.get(hash(8))).toBe(ids[8])
    expect(table.get(123)).toBeUndefined()
  })
})
