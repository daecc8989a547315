import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { preparedLimits, PreparingClient } from './prepared-statements'

// On the run's PostgreSQL database when there is one, else on PGlite (its node-postgres bridge
// speaks the same protocol): the client is the same either way.
describe('PreparingClient', () => {
  let pglite: PGlite | undefined
  let client: PreparingClient

  beforeAll(async () => {
    const databaseUrl = inject('databaseUrl')
    if (databaseUrl) {
      client = new PreparingClient({ connectionString: databaseUrl })
    } else {
      pglite = await PGlite.create('memory://')
      client = new PreparingClient(createPgConfig(pglite) as unknown as pg.ClientConfig)
    }
    await client.connect()
  })

  afterAll(async () => {
    await client.end()
    await pglite?.close()
  })

  const prepared = async () =>
    (
      await client.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements order by name',
      )
    ).rows

  it('prepares a parameterised statement once and reuses it with other values', async () => {
    const text = 'select $1::int + 1 as n'
    expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }])
    expect((await client.query(text, [41])).rows).toEqual([{ n: 42 }])
    const named = (await prepared()).filter((s) => s.statement === text)
    expect(named).toHaveLength(1)
    expect(named[0]!.name).toMatch(/^suhde_\d+$/)
  })

  it('leaves statements without parameters unnamed (they may hold several commands)', async () => {
    await client.query('select 1 as a; select 2 as b')
    expect((await prepared()).some((s) => s.statement.includes('select 2 as b'))).toBe(false)
  })

  it('leaves pattern and text searches unnamed: their plans depend on the value', async () => {
    for (const text of [
      "select $1::text like 'a%' as hit",
      'select lower($1::text) ilike $2 as hit',
      "select to_tsvector('simple', $1::text) @@ plainto_tsquery('simple', $2) as hit",
    ])
      await client.query(text, ['a', 'a'].slice(0, text.includes('$2') ? 2 : 1))
    const names = (await prepared()).map((s) => s.statement)
    expect(names.some((s) => /like|@@/.test(s))).toBe(false)
  })

  it('keeps at most the limit per connection, deallocating the least recently used', async () => {
    const limit = preparedLimits.statementsPerConnection
    preparedLimits.statementsPerConnection = 3
    try {
      const texts = ['a', 'b', 'c', 'd'].map((k) => `select $1::text as ${k}`)
      for (const t of texts.slice(0, 3)) await client.query(t, ['x'])
      // Touch the first so the second is the oldest when the fourth comes.
      await client.query(texts[0]!, ['y'])
      expect((await client.query(texts[3]!, ['z'])).rows).toEqual([{ d: 'z' }])
      const left = (await prepared()).map((s) => s.statement)
      expect(left).not.toContain(texts[1])
      expect(left).toEqual(expect.arrayContaining([texts[0], texts[2], texts[3]]))
      // An evicted text comes back under a new name and still answers.
      expect((await client.query(texts[1]!, ['again'])).rows).toEqual([{ b: 'again' }])
    } finally {
      preparedLimits.statementsPerConnection = limit
    }
  })

  it('recovers from a statement that fails to parse, and from one that fails to run', async () => {
    await expect(client.query('select $1::int from no_such_table', [1])).rejects.toThrow(
      /no_such_table/,
    )
    const text = 'select 1 / $1::int as q'
    await expect(client.query(text, [0])).rejects.toThrow(/division by zero/)
    expect((await client.query(text, [1])).rows).toEqual([{ q: 1 }])
  })
})
