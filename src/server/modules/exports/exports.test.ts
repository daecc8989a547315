import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'
import { parseCsv } from '../imports/parse-csv'
import { parseVcard } from '../imports/parse-vcard'

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

  it('answers 400 for an unknown filter field before streaming anything', async () => {
    const c = await makeWorkspace(t)
    const res = await c.get('/api/v1/exports?object=companies&filter[nope][eq]=1')
    expect(res.statusCode).toBe(400)
  })
})
