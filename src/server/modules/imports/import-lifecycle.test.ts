import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'
import { runImportChunk, runQueuedImports } from './import-job'
import { lockOwner } from './imports.repo'

// What an import does beyond creating rows: people erased before are not brought back, undo
// takes back everything the import added, and a restarted server resumes an import at once.

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

async function startImport(c: Client, csv: string, mapping?: Record<string, unknown>) {
  const res = await c.request({
    method: 'POST',
    url: '/api/v1/imports?filename=tuonti.csv',
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  })
  expect(res.statusCode).toBe(201)
  const imp = res.json()
  if (mapping) {
    const put = await c.request({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/mapping`,
      payload: { mapping: imp.mapping, ...mapping },
    })
    expect(put.statusCode).toBe(200)
  }
  expect((await c.post(`/api/v1/imports/${imp.id}/start`)).statusCode).toBe(202)
  return imp.id as string
}

async function erasePerson(c: Client, email: string, phone?: string) {
  const created = await c.post('/api/v1/contacts', {
    firstName: 'Poistettava',
    emails: [{ address: email }],
    ...(phone ? { phones: [{ number: phone }] } : {}),
  })
  expect(created.statusCode).toBe(201)
  expect((await c.post(`/api/v1/contacts/${created.json().id}/erase`, {})).statusCode).toBe(200)
}

const rowsOf = (c: Client, table: 'contacts' | 'companies' | 'tags') =>
  t.deps.db.selectFrom(table).selectAll().where('workspace_id', '=', c.workspaceId).execute()

describe('previously erased people', () => {
  it('are skipped by an import with the reason in the report, others are imported', async () => {
    const c = await makeWorkspace(t)
    await erasePerson(c, 'palaava@example.fi')
    await erasePerson(c, 'toinen@example.fi', '040 765 4321')
    const id = await startImport(
      c,
      'Etunimi;Sähköposti;Puhelin\nAino;aino@example.fi;\nPaavo;PALAAVA@example.fi;\nTiina;tiina@example.fi;+358407654321\n',
      { dedupeRule: 'email' },
    )
    await runQueuedImports(t.deps)
    const report = (await c.get(`/api/v1/imports/${id}/report`)).json()
    expect(report.counts).toEqual({ created: 1, updated: 0, skipped: 2, failed: 0, flagged: 2 })
    expect(report.flagged.map((f: { line: number }) => f.line)).toEqual([3, 4])
    expect(report.flagged[0].reason).toMatch(/erased/)
    expect(report.flagged[1].reason).toMatch(/phone/)
    const names = (await rowsOf(c, 'contacts')).map((r) => r.first_name).sort()
    // The two erased people's own (anonymised) rows stay; only Aino is new.
    expect(names.filter((n) => n !== null)).toEqual(['Aino'])
  })

  it('are created but flagged by bulk create, like a single create', async () => {
    const c = await makeWorkspace(t)
    await erasePerson(c, 'bulkpalaaja@example.fi')
    const res = await c.post('/api/v1/contacts/bulk', {
      records: [
        { firstName: 'Uusi', emails: [{ address: 'uusi@example.fi' }] },
        { firstName: 'Palannut', emails: [{ address: 'BulkPalaaja@example.fi' }] },
      ],
    })
    expect(res.statusCode).toBe(201)
    expect(res.headers['suhde-previously-erased']).toBe('email')
    const back = res.json().data[1]
    expect(res.json().previouslyErased).toEqual([{ id: back.id, matched: 'email' }])
    const timeline = (await c.get(`/api/v1/contacts/${back.id}/timeline`)).json().data
    expect(timeline.map((e: { eventType: string }) => e.eventType)).toContain('previously_erased')
    const clean = await c.post('/api/v1/contacts/bulk', {
      records: [{ firstName: 'Kolmas', emails: [{ address: 'kolmas@example.fi' }] }],
    })
    expect(clean.json().previouslyErased).toEqual([])
    expect(clean.headers['suhde-previously-erased']).toBeUndefined()
  })
})

describe('undo', () => {
  it('also removes the tags and company links the import added to existing contacts', async () => {
    const c = await makeWorkspace(t)
    const tag = await c.post('/api/v1/tags', { name: 'Vanha' })
    expect(tag.statusCode).toBe(201)
    const company = await c.post('/api/v1/companies', { name: 'Olemassa Oy' })
    const stored = await c.post('/api/v1/contacts', {
      firstName: 'Aino',
      emails: [{ address: 'aino@example.fi' }],
    })
    const other = await c.post('/api/v1/contacts', {
      firstName: 'Muu',
      tagIds: [tag.json().id],
    })
    expect(other.statusCode).toBe(201)
    const csv = [
      'Sähköposti;Sukunimi;Yritys;Tunnisteet',
      'aino@example.fi;Virtanen;Uusi Oy;VIP, Vanha',
      'aino@example.fi;Virtanen;Olemassa Oy;',
      'berit@example.fi;Berg;;Uutuus',
    ].join('\n')
    const id = await startImport(c, csv, { dedupeRule: 'email', matchAction: 'fill_empty' })
    await runQueuedImports(t.deps)
    const done = (await c.get(`/api/v1/imports/${id}`)).json()
    expect(done.counts).toMatchObject({ created: 1, updated: 2 })
    const aino = (await c.get(`/api/v1/contacts/${stored.json().id}`)).json()
    expect(aino.lastName).toBe('Virtanen')
    expect(aino.tags.map((x: { name: string }) => x.name).sort()).toEqual(['VIP', 'Vanha'])
    expect(aino.companies.map((x: { name: string }) => x.name).sort()).toEqual([
      'Olemassa Oy',
      'Uusi Oy',
    ])

    expect((await c.post(`/api/v1/imports/${id}/undo`)).statusCode).toBe(200)
    const after = (await c.get(`/api/v1/contacts/${stored.json().id}`)).json()
    expect(after.lastName).toBeNull()
    expect(after.tags).toEqual([])
    expect(after.companies).toEqual([])
    // Tags the import made are gone; the one that existed (and is used elsewhere) stays.
    expect((await rowsOf(c, 'tags')).map((x) => x.name)).toEqual(['Vanha'])
    expect((await rowsOf(c, 'companies')).map((x) => x.name)).toEqual(['Olemassa Oy'])
    expect((await rowsOf(c, 'contacts')).map((x) => x.first_name).sort()).toEqual(['Aino', 'Muu'])
    expect((await c.get(`/api/v1/companies/${company.json().id}`)).statusCode).toBe(200)
  })
})

describe('resuming', () => {
  const csv = (n: number) =>
    `Name,Email\n${Array.from({ length: n }, (_, i) => `Henkilö${i},h${i}@example.fi`).join('\n')}\n`
  const databaseUrl = inject('databaseUrl')

  /**
   * Another server process: on PostgreSQL it holds its owner lock on a connection of its own,
   * and dies (kill -9) when that connection closes. PGlite is one process: no lock to hold.
   */
  async function otherProcess(owner: string) {
    if (!databaseUrl) return { die: async () => undefined }
    const handle = await openDatabase({ databaseUrl, poolSize: 1 })
    await lockOwner(handle.db, owner)
    return { die: () => handle.close() }
  }

  it('takes over a dead process’s import at once, without waiting for its lease', async () => {
    const c = await makeWorkspace(t)
    const id = await startImport(c, csv(30))
    const dead = { owner: 'previous-boot', size: 10 }
    const previous = await otherProcess(dead.owner)
    expect(await runImportChunk(t.deps, c.workspaceId, id, dead)).toBe(true)
    await expect(
      runImportChunk(t.deps, c.workspaceId, id, {
        ...dead,
        beforeCommit: () => {
          throw new Error('kill -9')
        },
      }),
    ).rejects.toThrow('kill -9')
    const held = await t.deps.db
      .selectFrom('imports')
      .select(['lease_owner', 'locked_until', 'rows_done'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(held.lease_owner).toBe('previous-boot')
    expect(held.locked_until!.getTime()).toBeGreaterThan(Date.now() + 60_000)
    expect(held.rows_done).toBe(10)
    await previous.die()
    // A new process (another owner) claims it now, and every row is there exactly once.
    await runQueuedImports(t.deps, { owner: 'new-boot', size: 7 })
    const done = (await c.get(`/api/v1/imports/${id}`)).json()
    expect(done).toMatchObject({ status: 'done', counts: { created: 30 } })
    const emails = (await rowsOf(c, 'contacts')).map((r) => (r.emails as { address: string }[])[0])
    expect(new Set(emails.map((e) => e?.address)).size).toBe(30)
  })

  it.skipIf(!databaseUrl)(
    'leaves a live server’s import alone on PostgreSQL until that server is gone',
    async () => {
      const c = await makeWorkspace(t)
      const id = await startImport(c, csv(12))
      const live = await otherProcess('live-server')
      try {
        const chunk = { owner: 'live-server', size: 5 }
        expect(await runImportChunk(t.deps, c.workspaceId, id, chunk)).toBe(true)
        await runQueuedImports(t.deps, { owner: 'other-server' })
        expect((await c.get(`/api/v1/imports/${id}`)).json().progress.rowsDone).toBe(5)
      } finally {
        await live.die()
      }
      await runQueuedImports(t.deps, { owner: 'other-server' })
      expect((await c.get(`/api/v1/imports/${id}`)).json().counts.created).toBe(12)
    },
  )
})
