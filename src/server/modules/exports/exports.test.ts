import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import type { Actor } from '../../lib/actor'
import { parseCsv } from '../imports/parse-csv'
import { parseVcard } from '../imports/parse-vcard'
import { exportRecords } from './exports.service'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

async function seed(c: Client) {
  const res = await c.post('/api/v1/contacts/bulk', {
    records: [
      {
        firstName: 'Aino',
        lastName: 'Virtanen',
        emails: [{ address: 'aino@example.fi' }],
        title: '=HYPERLINK("x")',
      },
      { firstName: 'Örjan', lastName: 'Åkerlund; Jr', phones: [{ number: '040 123 4567' }] },
    ],
  })
  expect(res.statusCode).toBe(201)
}

describe('exports', () => {
  it('exports contacts as CSV with a BOM, neutralising formulas, readable by the importer', async () => {
    const c = await makeWorkspace(t)
    await seed(c)
    const res = await c.get('/api/v1/exports?object=contacts&format=csv')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/csv/)
    expect(res.body.startsWith('\uFEFF')).toBe(true)
    const table = parseCsv(res.rawPayload)
    expect(table.rows).toHaveLength(2)
    const title = table.headers.indexOf('Title')
    const aino = table.rows.find((r) => r.cells.includes('Aino'))
    expect(aino?.cells[title]).toBe(`'=HYPERLINK("x")`)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', c.workspaceId)
      .where('action', '=', 'export')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('writes semicolon CSV without a BOM on request and applies list filters', async () => {
    const c = await makeWorkspace(t)
    await seed(c)
    const res = await c.get(
      '/api/v1/exports?object=contacts&delimiter=;&bom=false&filter[lastName][contains]=kerlund',
    )
    expect(res.body.startsWith('Id;First name')).toBe(true)
    expect(res.body).toContain('"Åkerlund; Jr"')
    const table = parseCsv(res.rawPayload)
    expect(table.delimiter).toBe(';')
    expect(table.rows).toHaveLength(1)
  })

  it('exports every match of a search, not only the best-ranked candidates', async () => {
    const c = await makeWorkspace(t)
    const records = Array.from({ length: 250 }, (_, i) => ({
      firstName: `Etu${i}`,
      lastName: 'Korhonen',
    }))
    expect((await c.post('/api/v1/contacts/bulk', { records })).statusCode).toBe(201)
    const res = await c.get('/api/v1/exports?object=contacts&format=csv&q=korhonen')
    expect(res.statusCode).toBe(200)
    expect(parseCsv(res.rawPayload).rows).toHaveLength(250)
  })

  it('exports XLSX and vCard', async () => {
    const c = await makeWorkspace(t)
    await seed(c)
    const x = await c.get('/api/v1/exports?object=contacts&format=xlsx')
    expect(x.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(x.rawPayload as never)
    expect(wb.worksheets[0]?.rowCount).toBe(3)
    const v = await c.get('/api/v1/exports?object=contacts&format=vcard')
    expect(v.headers['content-type']).toMatch(/text\/vcard/)
    const cards = parseVcard(v.rawPayload)
    expect(cards.rows).toHaveLength(2)
    expect(v.body).toContain('EMAIL;PREF=1:aino@example.fi')
  })

  it("reads page after page in the list order, with each page's tags and companies", async () => {
    const c = await makeWorkspace(t)
    const member = await makeMember(t, c.workspaceId, 'sales', 'own')
    const tagA = (await c.post('/api/v1/tags', { name: 'Asiakas' })).json().id as string
    const tagB = (await c.post('/api/v1/tags', { name: 'B2B' })).json().id as string
    const oy = (await c.post('/api/v1/companies', { name: 'Oy Ab' })).json().id as string
    const ky = (await c.post('/api/v1/companies', { name: 'Ky' })).json().id as string
    const records = Array.from({ length: 23 }, (_, i) => ({
      firstName: `Henkilö${i}`,
      lastName: 'Sivu',
      // Every third is the member's own: the export shows the member those only.
      ownerId: i % 3 === 0 ? member.userId : c.userId,
      tagIds: i % 2 ? [tagB, tagA] : [],
      companies:
        i % 4 === 0
          ? [{ companyId: oy }, { companyId: ky, isPrimary: true }]
          : i % 4 === 1
            ? [{ companyId: oy }]
            : [],
    }))
    expect((await c.post('/api/v1/contacts/bulk', { records })).statusCode).toBe(201)
    const actorOf = (u: Client, scope: Actor['scope'], role: Actor['role']): Actor => ({
      workspaceId: u.workspaceId,
      userId: u.userId,
      role,
      scope,
      apiKeyId: null,
      apiKeyScopes: null,
      requestId: null,
      ip: null,
    })
    const exportCsv = async (actor: Actor) => {
      // Pages of 4 rows: 23 contacts are six pages, read ahead while earlier ones are written.
      const out = await exportRecords(
        t.deps,
        actor,
        { object: 'contacts', format: 'csv', delimiter: ',', bom: 'false' },
        { pageSize: 4 },
      )
      const chunks: Buffer[] = []
      for await (const chunk of out.stream) chunks.push(Buffer.from(chunk as string))
      return parseCsv(Buffer.concat(chunks))
    }
    const table = await exportCsv(actorOf(c, 'all', 'admin'))
    const list = (await c.get('/api/v1/contacts?sort=-updatedAt&limit=100')).json().data as {
      id: string
      tags: { name: string }[]
      companies: { name: string; isPrimary: boolean }[]
    }[]
    expect(list).toHaveLength(23)
    const col = (name: string) => table.headers.indexOf(name)
    expect(table.rows.map((r) => r.cells[col('Id')])).toEqual(list.map((x) => x.id))
    for (const [i, row] of table.rows.entries()) {
      const listed = list[i]!
      expect(row.cells[col('Tags')] ?? '').toBe(listed.tags.map((x) => x.name).join('; '))
      const primary = listed.companies.find((x) => x.isPrimary) ?? listed.companies[0]
      expect(row.cells[col('Company')] ?? '').toBe(primary?.name ?? '')
    }
    expect(table.rows.filter((r) => r.cells[col('Tags')] === 'Asiakas; B2B')).toHaveLength(11)
    expect(table.rows.filter((r) => r.cells[col('Company')] === 'Ky')).toHaveLength(6)
    expect(table.rows.filter((r) => r.cells[col('Company')] === 'Oy Ab')).toHaveLength(6)
    // The personal-data read audit of every page (an entry per record for small pages).
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['record_id', 'details'])
      .where('workspace_id', '=', c.workspaceId)
      .where('action', '=', 'list')
      .where('actor_user_id', '=', c.userId)
      .execute()
    const exported = audited.filter((a) => a.details?.view === 'export').map((a) => a.record_id)
    expect(exported.sort()).toEqual(list.map((x) => x.id).sort())

    const own = await exportCsv(actorOf(member, 'own', 'sales'))
    expect(own.rows).toHaveLength(8)
  })

  it('answers 400 for an unknown filter field before streaming anything', async () => {
    const c = await makeWorkspace(t)
    const res = await c.get('/api/v1/exports?object=companies&filter[nope][eq]=1')
    expect(res.statusCode).toBe(400)
  })
})
