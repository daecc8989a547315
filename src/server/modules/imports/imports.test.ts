import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'
import { runImportChunk, runQueuedImports } from './import-job'
import { startImportRunner } from './import-runner'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name))

async function upload(c: Client, body: string | Buffer, filename: string, extra = '') {
  return c.request({
    method: 'POST',
    url: `/api/v1/imports?filename=${encodeURIComponent(filename)}${extra}`,
    headers: { 'content-type': 'text/csv' },
    payload: body,
  })
}

async function put(c: Client, url: string, body: unknown) {
  return c.request({ method: 'PUT', url, payload: body as object })
}

async function runAll() {
  await runQueuedImports(t.deps)
}

async function contactsOf(c: Client) {
  return t.deps.db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', c.workspaceId)
    .orderBy('last_name')
    .execute()
}

describe('imports', () => {
  it('imports a Finnish Excel CSV with suggested mapping, creating contacts and companies', async () => {
    const c = await makeWorkspace(t)
    const res = await upload(c, fixture('finnish-excel.csv'), 'asiakkaat.csv')
    expect(res.statusCode).toBe(201)
    const imp = res.json()
    expect(imp).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      status: 'uploaded',
    })
    expect(imp.mapping).toMatchObject({
      Sähköposti: 'email',
      Yritys: 'companyName',
      'Y-tunnus': 'businessId',
    })
    expect(imp.progress.rowsTotal).toBe(2)

    const preview = await c.get(`/api/v1/imports/${imp.id}/preview`)
    expect(preview.statusCode).toBe(200)
    expect(preview.json().rows[0].issues).toEqual([])

    expect((await c.post(`/api/v1/imports/${imp.id}/start`)).statusCode).toBe(202)
    await runAll()
    const done = (await c.get(`/api/v1/imports/${imp.id}`)).json()
    expect(done.status).toBe('done')
    expect(done.counts).toEqual({ created: 2, updated: 0, skipped: 0, failed: 0, flagged: 0 })
    const contacts = await contactsOf(c)
    expect(contacts.map((x) => x.last_name)).toEqual(['Hämäläinen', 'Åkerlund'])
    expect(contacts[0]?.birth_date).toBeTruthy()
    const companies = await t.deps.db
      .selectFrom('companies')
      .select(['name', 'business_id'])
      .where('workspace_id', '=', c.workspaceId)
      .orderBy('name')
      .execute()
    expect(companies).toEqual([
      { name: 'Hämäläisen Sähkö Oy', business_id: '0112038-9' },
      { name: 'Åkerlundin Kala Ay', business_id: null },
    ])
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', c.workspaceId)
      .where('action', '=', 'import')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('reports failed rows with line and reason and gives them back as CSV', async () => {
    const c = await makeWorkspace(t)
    const csv =
      'Email,Phone,Birthday\nok@example.fi,040 123 4567,31.12.1980\nnot-an-email,,\nx@example.fi,,31.2.1980\n'
    const imp = (await upload(c, csv, 'bad.csv')).json()
    await c.post(`/api/v1/imports/${imp.id}/start`)
    await runAll()
    const report = (await c.get(`/api/v1/imports/${imp.id}/report`)).json()
    expect(report.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 2, flagged: 0 })
    expect(report.failures.map((f: { line: number }) => f.line)).toEqual([3, 4])
    expect(report.failures[0].error).toMatch(/not an email/)
    const failed = await c.get(`/api/v1/imports/${imp.id}/failed-rows`)
    expect(failed.headers['content-type']).toMatch(/text\/csv/)
    expect(failed.body).toContain('not-an-email,,,3,')
  })

  it('answers clear errors for empty, header-only and binary files', async () => {
    const c = await makeWorkspace(t)
    const empty = await upload(c, '', 'empty.csv')
    expect(empty.statusCode).toBe(400)
    const header = await upload(c, 'Name,Email\n', 'h.csv')
    expect(header.json().errors[0]).toMatchObject({ path: 'file', code: 'import_no_rows' })
    const binary = await c.request({
      method: 'POST',
      url: '/api/v1/imports?filename=x.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from([0, 1, 2, 3, 0, 255]),
    })
    expect(binary.json().errors[0].code).toBe('import_binary_file')
  })

  it('dedupes by email: skip, fill empty fields, overwrite', async () => {
    const c = await makeWorkspace(t)
    const first = (
      await upload(c, 'First Name,Last Name,Email\nAino,,aino@example.fi\n', 'a.csv')
    ).json()
    await c.post(`/api/v1/imports/${first.id}/start`)
    await runAll()
    const csv = 'First Name,Last Name,Email,Job Title\nAnni,Virtanen,AINO@example.fi,CEO\n'
    const run = async (matchAction: string) => {
      const imp = (await upload(c, csv, 'b.csv')).json()
      const mapped = await put(c, `/api/v1/imports/${imp.id}/mapping`, {
        mapping: imp.mapping,
        dedupeRule: 'email',
        matchAction,
      })
      expect(mapped.statusCode).toBe(200)
      await c.post(`/api/v1/imports/${imp.id}/start`)
      await runAll()
      return (await c.get(`/api/v1/imports/${imp.id}`)).json()
    }
    expect((await run('skip')).counts.skipped).toBe(1)
    expect((await run('fill_empty')).counts.updated).toBe(1)
    let [row] = await contactsOf(c)
    expect([row?.first_name, row?.last_name, row?.title]).toEqual(['Aino', 'Virtanen', 'CEO'])
    const over = await run('overwrite')
    ;[row] = await contactsOf(c)
    expect(row?.first_name).toBe('Anni')
    expect(await contactsOf(c)).toHaveLength(1)

    const undone = await c.post(`/api/v1/imports/${over.id}/undo`)
    expect(undone.statusCode).toBe(200)
    expect(undone.json().status).toBe('undone')
    ;[row] = await contactsOf(c)
    expect(row?.first_name).toBe('Aino')
    expect((await c.post(`/api/v1/imports/${over.id}/undo`)).statusCode).toBe(400)
  })

  it('undo removes what the import created, companies included', async () => {
    const c = await makeWorkspace(t)
    const imp = (await upload(c, fixture('hubspot-contacts.csv'), 'hubspot.csv')).json()
    await c.post(`/api/v1/imports/${imp.id}/start`)
    await runAll()
    expect((await c.get(`/api/v1/imports/${imp.id}/report`)).json().failures).toEqual([])
    expect(await contactsOf(c)).toHaveLength(2)
    expect((await c.post(`/api/v1/imports/${imp.id}/undo`)).statusCode).toBe(200)
    expect(await contactsOf(c)).toHaveLength(0)
    const companies = await t.deps.db
      .selectFrom('companies')
      .select('id')
      .where('workspace_id', '=', c.workspaceId)
      .execute()
    expect(companies).toHaveLength(0)
  })

  it('resumes after a crash mid-way and imports every row exactly once', async () => {
    const c = await makeWorkspace(t)
    const lines = Array.from({ length: 25 }, (_, i) => `Person${i},person${i}@example.fi`)
    const imp = (await upload(c, `Name,Email\n${lines.join('\n')}\n`, 'many.csv')).json()
    await c.post(`/api/v1/imports/${imp.id}/start`)
    // Two chunks commit, the third "crashes" before its commit.
    expect(await runImportChunk(t.deps, c.workspaceId, imp.id, { size: 10 })).toBe(true)
    await expect(
      runImportChunk(t.deps, c.workspaceId, imp.id, {
        size: 10,
        beforeCommit: () => {
          throw new Error('kill -9')
        },
      }),
    ).rejects.toThrow('kill -9')
    const mid = (await c.get(`/api/v1/imports/${imp.id}`)).json()
    expect(mid.progress.rowsDone).toBe(10)
    expect(await contactsOf(c)).toHaveLength(10)
    // The crashed process held a lease; time passes until it runs out, then a new runner claims.
    await t.deps.db
      .updateTable('imports')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('workspace_id', '=', c.workspaceId)
      .execute()
    await runAll()
    const done = (await c.get(`/api/v1/imports/${imp.id}`)).json()
    expect(done).toMatchObject({ status: 'done', counts: { created: 25 } })
    const contacts = await contactsOf(c)
    expect(contacts).toHaveLength(25)
    const emails = contacts.map((x) => (x.emails as { address: string }[])[0]?.address)
    expect(new Set(emails).size).toBe(25)
  })

  it('imports each product export shape and a vCard file', async () => {
    const c = await makeWorkspace(t)
    for (const name of [
      'pipedrive-people.csv',
      'salesforce-contacts.csv',
      'google-contacts.csv',
      'outlook-contacts.csv',
      'contacts.vcf',
    ]) {
      const res = await c.request({
        method: 'POST',
        url: `/api/v1/imports?filename=${name}`,
        headers: { 'content-type': name.endsWith('.vcf') ? 'text/vcard' : 'text/csv' },
        payload: fixture(name),
      })
      expect(res.statusCode).toBe(201)
      await c.post(`/api/v1/imports/${res.json().id}/start`)
      await runAll()
      const done = (await c.get(`/api/v1/imports/${res.json().id}`)).json()
      expect({ name, status: done.status, counts: done.counts }).toEqual({
        name,
        status: 'done',
        counts: { created: 2, updated: 0, skipped: 0, failed: 0, flagged: 0 },
      })
    }
    expect(await contactsOf(c)).toHaveLength(10)
  })

  it('hides another workspace’s import and rejects mapping an unknown column', async () => {
    const a = await makeWorkspace(t)
    const b = await makeWorkspace(t)
    const imp = (await upload(a, 'Email\nx@example.fi\n', 'x.csv')).json()
    expect((await b.get(`/api/v1/imports/${imp.id}`)).statusCode).toBe(404)
    const bad = await put(a, `/api/v1/imports/${imp.id}/mapping`, { mapping: { Nope: 'email' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('mapping.Nope')
  })

  it('imports companies with business ID dedupe, saves the mapping as a template and records timelines', async () => {
    const c = await makeWorkspace(t)
    const csv =
      'Yritys;Y-tunnus;Toimiala;Kaupunki\nAlfa Oy;0112038-9;IT;Oulu\nAlfa Oy (vanha);0112038-9;Rakennus;Oulu\n'
    const imp = (await upload(c, csv, 'yritykset.csv', '&objectType=companies')).json()
    expect(imp.mapping).toMatchObject({
      Yritys: 'companyName',
      Toimiala: 'industry',
      Kaupunki: 'city',
    })
    const mapped = await put(c, `/api/v1/imports/${imp.id}/mapping`, {
      mapping: imp.mapping,
      dedupeRule: 'business_id',
      matchAction: 'fill_empty',
      saveAsTemplate: 'Yritysrekisteri',
    })
    expect(mapped.statusCode).toBe(200)
    await c.post(`/api/v1/imports/${imp.id}/start`)
    await runAll()
    const done = (await c.get(`/api/v1/imports/${imp.id}`)).json()
    expect(done.counts).toEqual({ created: 1, updated: 1, skipped: 0, failed: 0, flagged: 0 })
    const companies = await t.deps.db
      .selectFrom('companies')
      .select(['id', 'name', 'industry'])
      .where('workspace_id', '=', c.workspaceId)
      .execute()
    expect(companies).toMatchObject([{ name: 'Alfa Oy', industry: 'IT' }])
    const events = await t.deps.db
      .selectFrom('timeline_events')
      .select('event_type')
      .where('workspace_id', '=', c.workspaceId)
      .where('record_id', '=', companies[0]?.id ?? '')
      .execute()
    expect(events.map((e) => e.event_type).sort()).toEqual(['created', 'updated'])
    const templates = (await c.get('/api/v1/imports/templates')).json().data
    expect(templates).toMatchObject([{ name: 'Yritysrekisteri', objectType: 'companies' }])
  })

  it('lets the user choose the sheet of an XLSX workbook', async () => {
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Ohje').addRow(['Lue tämä ensin'])
    const s = wb.addWorksheet('Yhteystiedot')
    wb.addWorksheet('Muut').addRows([['Nimi'], ['Jotain']])
    s.addRow(['Etunimi', 'Sukunimi', 'Sähköposti'])
    s.addRow(['Eeva', 'Koski', 'eeva.koski@example.fi'])
    const c = await makeWorkspace(t)
    const res = await c.request({
      method: 'POST',
      url: '/api/v1/imports?filename=book.xlsx',
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      format: 'xlsx',
      sheets: ['Ohje', 'Yhteystiedot', 'Muut'],
      sheet: 'Yhteystiedot',
    })
    const other = await put(c, `/api/v1/imports/${res.json().id}/mapping`, {
      sheet: 'Muut',
      mapping: {},
    })
    expect(other.json()).toMatchObject({ sheet: 'Muut', headers: ['Nimi'] })
    const mapped = await put(c, `/api/v1/imports/${res.json().id}/mapping`, {
      sheet: 'Yhteystiedot',
      mapping: { Etunimi: 'firstName', Sukunimi: 'lastName', Sähköposti: 'email' },
    })
    expect(mapped.json()).toMatchObject({ sheet: 'Yhteystiedot', progress: { rowsTotal: 1 } })
    await c.post(`/api/v1/imports/${res.json().id}/start`)
    await runAll()
    expect((await contactsOf(c)).map((x) => x.first_name)).toEqual(['Eeva'])
  })

  it('describes imports and exports in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(res.statusCode).toBe(200)
    const paths = Object.keys(res.json().paths)
    for (const p of ['/api/v1/imports', '/api/v1/imports/{id}/undo', '/api/v1/exports'])
      expect(paths).toContain(p)
  })

  it('creates one contact per email and one company per name within a chunk', async () => {
    const c = await makeWorkspace(t)
    const csv = [
      'Email;Company;Tags',
      'a@example.fi;Sama Oy;VIP',
      'b@example.fi;sama oy;VIP, Uusi',
      'A@example.fi;Sama Oy;',
      'c@example.fi;;',
    ].join('\n')
    const imp = (await upload(c, csv, 'same.csv')).json()
    await c.post(`/api/v1/imports/${imp.id}/start`)
    await runAll()
    const done = (await c.get(`/api/v1/imports/${imp.id}`)).json()
    expect(done.counts).toEqual({ created: 3, updated: 0, skipped: 1, failed: 0, flagged: 0 })
    const companies = await t.deps.db
      .selectFrom('companies')
      .select('id')
      .where('workspace_id', '=', c.workspaceId)
      .execute()
    expect(companies).toHaveLength(1)
    const links = await t.deps.db
      .selectFrom('contact_companies')
      .select('contact_id')
      .where('workspace_id', '=', c.workspaceId)
      .execute()
    expect(links).toHaveLength(2)
    const tags = await t.deps.db
      .selectFrom('contact_tags')
      .select('tag_id')
      .where('workspace_id', '=', c.workspaceId)
      .execute()
    expect(tags).toHaveLength(3)
    expect((await c.post(`/api/v1/imports/${imp.id}/undo`)).statusCode).toBe(200)
    expect(await contactsOf(c)).toHaveLength(0)
    const left = await t.deps.db
      .selectFrom('companies')
      .select('id')
      .where('workspace_id', '=', c.workspaceId)
      .execute()
    expect(left).toHaveLength(0)
  })

  it('runs a started import in the background runner the server starts', async () => {
    const c = await makeWorkspace(t)
    const imp = (await upload(c, 'Email\nrunner@example.fi\n', 'r.csv')).json()
    const runner = startImportRunner(t.deps, 20)
    try {
      await c.post(`/api/v1/imports/${imp.id}/start`)
      let status = ''
      for (let i = 0; i < 200 && status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 25))
        status = (await c.get(`/api/v1/imports/${imp.id}`)).json().status
      }
      expect(status).toBe('done')
    } finally {
      await runner.stop()
    }
    expect(await contactsOf(c)).toHaveLength(1)
  })
})
