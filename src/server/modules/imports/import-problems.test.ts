import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'
import { runQueuedImports } from './import-job'

// Problems of import rows are stored as codes with their column, field and value, and written
// in the reader's language: the preview and report from Accept-Language, the failed-rows CSV
// from ?lang= (a download link sends no header). Rows stored as text before keep their text.

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const fi = { 'accept-language': 'fi-FI,fi;q=0.9,en;q=0.8' }

async function uploadAndMap(c: Client, csv: string, mapping: Record<string, string>) {
  const res = await c.request({
    method: 'POST',
    url: '/api/v1/imports?filename=ongelmat.csv&objectType=contacts',
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  })
  expect(res.statusCode, res.body).toBe(201)
  const id: string = res.json().id
  const mapped = await c.request({
    method: 'PUT',
    url: `/api/v1/imports/${id}/mapping`,
    payload: { mapping, dedupeRule: 'email' },
  })
  expect(mapped.statusCode, mapped.body).toBe(200)
  return id
}

async function run(c: Client, id: string) {
  expect((await c.post(`/api/v1/imports/${id}/start`)).statusCode).toBe(202)
  await runQueuedImports(t.deps)
}

const getIn = (c: Client, url: string, headers: Record<string, string> = {}) =>
  c.request({ method: 'GET', url, headers })

const cellMapping = {
  Sukunimi: 'lastName',
  Sähköposti: 'email',
  Syntymäpäivä: 'birthDate',
  Vaihe: 'lifecycleStage',
}
const cellCsv =
  'Sukunimi,Sähköposti,Syntymäpäivä,Vaihe\n' +
  'Virtanen,aino@example.fi,31.12.1980,lead\n' +
  'Korhonen,ei-osoite,31.2.1980,asiakas\n'

describe('import problems', () => {
  it('marks the preview cells with a code, field and value, the text in either language', async () => {
    const c = await makeWorkspace(t)
    const id = await uploadAndMap(c, cellCsv, cellMapping)
    const en = (await getIn(c, `/api/v1/imports/${id}/preview`)).json()
    expect(en.rows[0].issues).toEqual([])
    expect(en.rows[1].issues).toEqual([
      {
        code: 'invalid_email',
        column: 'Sähköposti',
        field: 'email',
        value: 'ei-osoite',
        message: '"ei-osoite" is not an email address',
      },
      {
        code: 'invalid_date',
        column: 'Syntymäpäivä',
        field: 'birthDate',
        value: '31.2.1980',
        message: '"31.2.1980" is not a date (31.12.2025 or 2025-12-31)',
      },
      expect.objectContaining({
        code: 'invalid_lifecycle_stage',
        field: 'lifecycleStage',
        value: 'asiakas',
        message: expect.stringMatching(/^"asiakas" is not a lifecycle stage \(.*lead/),
      }),
    ])
    const inFinnish = (await getIn(c, `/api/v1/imports/${id}/preview`, fi)).json()
    expect(inFinnish.rows[1].issues.map((i: { message: string }) => i.message)).toEqual([
      '”ei-osoite” ei ole sähköpostiosoite',
      '”31.2.1980” ei ole päivämäärä (31.12.2025 tai 2025-12-31)',
      expect.stringMatching(/^”asiakas” ei ole elinkaaren vaihe \(.*lead/),
    ])
    // Only the text changes with the language; the codes are what integrations switch on.
    expect(inFinnish.rows[1].issues.map((i: { code: string }) => i.code)).toEqual(
      en.rows[1].issues.map((i: { code: string }) => i.code),
    )
  })

  it('reports a failed row with its problems and reads it back in the reader’s language', async () => {
    const c = await makeWorkspace(t)
    const id = await uploadAndMap(c, cellCsv, cellMapping)
    await run(c, id)
    const en = (await getIn(c, `/api/v1/imports/${id}/report`)).json()
    expect(en.counts).toMatchObject({ created: 1, failed: 1 })
    expect(en.failures).toHaveLength(1)
    expect(en.failures[0]).toMatchObject({
      line: 3,
      error: expect.stringMatching(
        /^Sähköposti: "ei-osoite" is not an email address; Syntymäpäivä: "31.2.1980" is not a date/,
      ),
    })
    expect(en.failures[0].problems[0]).toEqual({
      code: 'invalid_email',
      column: 'Sähköposti',
      field: 'email',
      value: 'ei-osoite',
      message: '"ei-osoite" is not an email address',
    })
    const inFinnish = (await getIn(c, `/api/v1/imports/${id}/report`, fi)).json()
    expect(inFinnish.failures[0].error).toMatch(
      /^Sähköposti: ”ei-osoite” ei ole sähköpostiosoite; Syntymäpäivä: ”31\.2\.1980” ei ole päivämäärä/,
    )
    expect(inFinnish.failures[0].problems.map((p: { code: string }) => p.code)).toEqual([
      'invalid_email',
      'invalid_date',
      'invalid_lifecycle_stage',
    ])

    // The failed-rows CSV: its own language from ?lang=, else from Accept-Language.
    const csvFi = await getIn(c, `/api/v1/imports/${id}/failed-rows?lang=fi`)
    expect(csvFi.statusCode).toBe(200)
    expect(csvFi.body).toContain('Sukunimi,Sähköposti,Syntymäpäivä,Vaihe,Rivi,Virhe')
    expect(csvFi.body).toContain('”ei-osoite” ei ole sähköpostiosoite')
    const csvByHeader = await getIn(c, `/api/v1/imports/${id}/failed-rows`, fi)
    expect(csvByHeader.body).toContain('”ei-osoite” ei ole sähköpostiosoite')
    const csvEn = await getIn(c, `/api/v1/imports/${id}/failed-rows?lang=en`, fi)
    expect(csvEn.body).toContain('Vaihe,Line,Error')
    expect(csvEn.body).toContain('""ei-osoite"" is not an email address')
    const bad = await getIn(c, `/api/v1/imports/${id}/failed-rows?lang=sv`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0]).toMatchObject({ path: 'querystring.lang' })
  })

  it('gives row problems found while writing (owner, custom field rules) codes too', async () => {
    const c = await makeWorkspace(t)
    const def = await c.post('/api/v1/custom-fields', {
      objectType: 'contact',
      key: 'region',
      labelFi: 'Alue',
      labelEn: 'Region',
      type: 'select',
      options: [{ value: 'uusimaa', labelFi: 'Uusimaa', labelEn: 'Uusimaa' }],
    })
    expect(def.statusCode, def.body).toBe(201)
    const id = await uploadAndMap(
      c,
      'Sukunimi,Omistaja,Alue\nLahtinen,vieras@example.fi,uusimaa\nNieminen,,lappi\n',
      { Sukunimi: 'lastName', Omistaja: 'owner', Alue: 'custom.region' },
    )
    await run(c, id)
    const en = (await getIn(c, `/api/v1/imports/${id}/report`)).json()
    expect(en.failures.map((f: { line: number }) => f.line)).toEqual([2, 3])
    expect(en.failures[0]).toEqual({
      line: 2,
      error: 'Omistaja: "vieras@example.fi" is not a member of this workspace',
      problems: [
        {
          code: 'import_owner_not_member',
          column: 'Omistaja',
          field: 'owner',
          value: 'vieras@example.fi',
          message: '"vieras@example.fi" is not a member of this workspace',
        },
      ],
    })
    // A record rule names the field; the report finds the column mapped to it.
    expect(en.failures[1].problems).toEqual([
      {
        code: 'invalid_option',
        column: 'Alue',
        field: 'custom.region',
        value: null,
        message: 'The option is not allowed',
      },
    ])
    const inFinnish = (await getIn(c, `/api/v1/imports/${id}/report`, fi)).json()
    expect(inFinnish.failures.map((f: { error: string }) => f.error)).toEqual([
      'Omistaja: ”vieras@example.fi” ei ole tämän työtilan käyttäjä',
      'Alue: Valinta ei ole sallittu',
    ])
  })

  it('fails a company row without a name with a code, row by row', async () => {
    const c = await makeWorkspace(t)
    const res = await c.request({
      method: 'POST',
      url: '/api/v1/imports?filename=yritykset.csv&objectType=companies',
      headers: { 'content-type': 'text/csv' },
      payload: 'Yritys,Verkkosivu\nKuppi Oy,\n,kuppi.fi\n',
    })
    const id: string = res.json().id
    await c.request({
      method: 'PUT',
      url: `/api/v1/imports/${id}/mapping`,
      payload: { mapping: { Yritys: 'companyName', Verkkosivu: 'domain' } },
    })
    await run(c, id)
    const inFinnish = (await getIn(c, `/api/v1/imports/${id}/report`, fi)).json()
    expect(inFinnish.failures).toEqual([
      {
        line: 3,
        error: 'Yritys: Yrityksen nimi puuttuu',
        problems: [
          {
            code: 'import_company_name_missing',
            column: 'Yritys',
            field: 'companyName',
            value: null,
            message: 'Yrityksen nimi puuttuu',
          },
        ],
      },
    ])
  })

  it('writes the reason of a previously erased person in the reader’s language', async () => {
    const c = await makeWorkspace(t)
    const created = await c.post('/api/v1/contacts', {
      firstName: 'Poistettava',
      emails: [{ address: 'palaava@example.fi' }],
    })
    expect((await c.post(`/api/v1/contacts/${created.json().id}/erase`, {})).statusCode).toBe(200)
    const id = await uploadAndMap(c, 'Sukunimi,Sähköposti\nPalaava,palaava@example.fi\n', {
      Sukunimi: 'lastName',
      Sähköposti: 'email',
    })
    await run(c, id)
    const en = (await getIn(c, `/api/v1/imports/${id}/report`)).json()
    expect(en.flagged).toEqual([
      {
        line: 2,
        code: 'import_previously_erased',
        reason: expect.stringMatching(/^Previously erased person: their email was erased/),
      },
    ])
    const inFinnish = (await getIn(c, `/api/v1/imports/${id}/report`, fi)).json()
    expect(inFinnish.flagged[0].reason).toMatch(
      /^Aiemmin poistettu henkilö: rivin sähköpostiosoite kuuluu henkilölle, jonka tiedot on poistettu/,
    )
  })

  it('still shows failures stored as text before problems had codes', async () => {
    const c = await makeWorkspace(t)
    const id = await uploadAndMap(c, cellCsv, cellMapping)
    await run(c, id)
    // An older version stored only the English text: no problems.
    const old = 'Email: "vanha" is not an email address'
    await t.deps.db
      .insertInto('import_rows')
      .values({
        workspace_id: c.workspaceId,
        import_id: id,
        row_number: 9,
        raw: JSON.stringify(['Vanha', 'vanha', '', '']),
        outcome: 'failed',
        error: old,
        reason: null,
        added_tag_ids: null,
      })
      .execute()
    const report = (await getIn(c, `/api/v1/imports/${id}/report`, fi)).json()
    expect(report.failures.map((f: { line: number }) => f.line)).toEqual([3, 9])
    expect(report.failures[1]).toEqual({ line: 9, error: old, problems: [] })
    const csv = await getIn(c, `/api/v1/imports/${id}/failed-rows?lang=fi`)
    expect(csv.body).toContain('Vanha,vanha,,,9,"Email: ""vanha"" is not an email address"')
  })
})
