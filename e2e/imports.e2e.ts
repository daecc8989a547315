import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe'
import { api, screenshot, unique, useBrowser } from './browser'

// The import wizard (issue 5) in the browser: a Finnish Excel file and a HubSpot export are
// uploaded, mapped from the suggestions, previewed with the bad cells marked, run with email
// dedupe, read back as a report with the failed line and its reason, the failed rows
// downloaded, and the import undone. The tests run in order and share the import.

const fixtures = 'src/server/modules/imports/fixtures'

type Contact = { id: string; title: string | null; lastName: string | null }

async function upload(page: Page, name: string, content: Buffer, mimeType: string) {
  await page.goto('/')
  await page.getByRole('link', { name: 'Import' }).click()
  await page.getByRole('heading', { level: 1, name: 'Import data' }).waitFor()
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: content })
  await page.getByRole('button', { name: 'Upload' }).click()
  await page.getByRole('heading', { level: 2, name: 'Map columns to fields' }).waitFor()
}

/** The field a column is mapped to, as the mapping table shows it. */
const mappedTo = (page: Page, column: string) =>
  page
    .getByRole('textbox', { name: column, exact: true })
    .or(page.getByRole('combobox', { name: column, exact: true }))

async function choose(page: Page, label: string, option: string) {
  await page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

describe('imports', () => {
  const s = useBrowser()
  const suffix = unique('x').split(' ')[1] ?? ''
  const existingEmail = `aino.virtanen.${suffix}@example.fi`
  const erasedEmail = `poistettu.${suffix}@example.fi`
  const newLastName = `Smith${suffix}`
  let existingId = ''
  // The report is read in Finnish too, which saves the choice in the profile: leave it unset.
  afterAll(() => api('PATCH', '/me', { language: null }))

  beforeAll(async () => {
    // Aino is in the CRM already, without a title: the import fills it in.
    existingId = (
      await api<Contact>('POST', '/contacts', {
        firstName: 'Aino',
        lastName: `Virtanen${suffix}`,
        emails: [{ address: existingEmail }],
      })
    ).id
    // A person erased on request earlier: an old export must not bring them back.
    const erased = await api<Contact>('POST', '/contacts', {
      firstName: 'Erkki',
      lastName: `Poistettu${suffix}`,
      emails: [{ address: erasedEmail }],
    })
    await api('POST', `/contacts/${erased.id}/erase`, {})
  })

  it('suggests fields for the Finnish headers of an Excel file saved as CSV', async () => {
    const { page } = s
    // Finnish Excel writes Windows-1252 with semicolons; the server reads both from the bytes.
    await upload(page, 'asiakkaat.csv', readFileSync(`${fixtures}/finnish-excel.csv`), 'text/csv')
    await page.getByText(/CSV · windows-1252 · delimiter “;” · 2 rows/).waitFor()
    const expected: Record<string, string> = {
      Etunimi: 'First name',
      Sukunimi: 'Last name',
      Sähköposti: 'Email',
      Puhelin: 'Phone',
      Yritys: 'Company name',
      'Y-tunnus': 'Business ID',
      Titteli: 'Title',
      Syntymäpäivä: 'Birthday',
    }
    for (const [column, field] of Object.entries(expected))
      expect(await mappedTo(page, column).inputValue(), column).toBe(field)
    await page.getByRole('button', { name: 'New import' }).click()
    await page.getByRole('button', { name: 'Upload' }).waitFor()
  })

  it('maps a HubSpot export, marks the bad cells in the preview and runs with email dedupe', async () => {
    const { page } = s
    const [header] = readFileSync(`${fixtures}/hubspot-contacts.csv`, 'utf8').split('\n')
    const csv = [
      header,
      `1001,Aino,Virtanen${suffix},${existingEmail},+358 40 123 4567,,Virtasen Puu ${suffix} Oy,Toimitusjohtaja,Kauppakatu 1,Tampere,33100,Finland,customer,,2024-03-01 10:00`,
      `1002,Mark,${newLastName},mark.${suffix}@example.com,,+44 7911 123456,Acme ${suffix} Ltd,Sales Director,1 High Street,London,N1 9GU,United Kingdom,lead,,2024-05-12 08:30`,
      `1003,Bad,Address${suffix},not-an-email,,,,,,,,,lead,,2024-06-01 09:00`,
      `1004,Erkki,Poistettu${suffix},${erasedEmail},,,,,,,,,lead,,2024-06-02 09:00`,
    ].join('\r\n')
    await upload(page, 'hubspot-contacts.csv', Buffer.from(csv), 'text/csv')
    await page.getByText(/CSV · utf-8 · delimiter “,” · 4 rows/).waitFor()
    expect(await mappedTo(page, 'First Name').inputValue()).toBe('First name')
    expect(await mappedTo(page, 'Email').inputValue()).toBe('Email')
    expect(await mappedTo(page, 'Job Title').inputValue()).toBe('Title')
    expect(await mappedTo(page, 'Mobile Phone Number').inputValue()).toBe('Phone 2')
    expect(await mappedTo(page, 'Record ID').inputValue()).toBe('— do not import —')

    await choose(page, 'Find duplicates by', 'Email')
    await choose(page, 'When a duplicate is found', 'Fill empty fields')
    await page.getByRole('button', { name: 'Save and preview' }).click()

    const preview = page.getByRole('table', { name: 'Preview' })
    const badRow = preview.locator('tr[data-line="4"]')
    const badCell = badRow.locator('td[data-invalid="true"]')
    await badCell.waitFor()
    expect(await badCell.count()).toBe(1)
    expect(await badCell.textContent()).toContain('not-an-email')
    expect(await badCell.textContent()).toContain('is not an email address')
    await badRow.getByText('1 cell has a problem; the row will fail').waitFor()
    await preview
      .locator('tr[data-line="2"]')
      .getByRole('cell', { name: 'OK', exact: true })
      .waitFor()
    expect(await preview.locator('td[data-invalid="true"]').count()).toBe(1)
    await screenshot(page, 'imports-preview')
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Start import' }).click()
    // The mapping cannot be changed once the job runs.
    await page.getByRole('heading', { level: 2, name: 'Map columns to fields' }).waitFor({
      state: 'detached',
    })
    const report = page.getByRole('region', { name: 'Result' })
    await report.waitFor({ timeout: 30_000 })
    await page.getByRole('status').getByText('4 / 4 rows').waitFor()
    expect(
      await page
        .getByRole('progressbar', { name: 'Import progress' })
        .getAttribute('aria-valuenow'),
    ).toBe('100')
    await report.getByText('Created 1, updated 1, skipped 1, failed 1').waitFor()
    const failures = report.getByRole('table', { name: 'Rows that failed' })
    const failure = failures.getByRole('row').filter({ hasText: 'not-an-email' })
    expect(await failure.getByRole('cell').allTextContents()).toEqual([
      '4',
      'Email: "not-an-email" is not an email address',
    ])
    await report.getByText('1 row was not imported: the person was erased earlier').waitFor()
    await report.getByText('Lines: 5').waitFor()
    await screenshot(page, 'imports-report')
    expect(await seriousViolations(page)).toEqual([])

    // The reason is stored as a code: in Finnish the same report reads in Finnish.
    await page.getByRole('button', { name: /^User menu: / }).click()
    await page.getByRole('menuitem', { name: 'Suomi' }).click()
    const failuresFi = page
      .getByRole('region', { name: 'Tulos' })
      .getByRole('table', { name: 'Epäonnistuneet rivit' })
    await failuresFi
      .getByRole('row')
      .filter({ hasText: 'Email: ”not-an-email” ei ole sähköpostiosoite' })
      .waitFor()
    await page.getByRole('button', { name: /^Käyttäjävalikko: / }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await failure
      .getByRole('cell', { name: 'Email: "not-an-email" is not an email address' })
      .waitFor()

    const existing = await api<Contact>('GET', `/contacts/${existingId}`)
    expect(existing.title).toBe('Toimitusjohtaja')
    const created = await api<{ data: Contact[] }>(
      'GET',
      `/contacts?filter[lastName][eq]=${newLastName}`,
    )
    expect(created.data.map((c) => c.lastName)).toEqual([newLastName])
  })

  it('downloads the failed rows as CSV with their line and reason', async () => {
    const { page } = s
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download failed rows (CSV)' }).click(),
    ])
    const text = readFileSync(await download.path(), 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const [head, row, ...rest] = text.slice(1).trim().split(/\r?\n/)
    expect(head).toContain('Email')
    expect(head).toMatch(/Line.*Error|Error.*Line/)
    expect(row).toContain('not-an-email')
    expect(row).toContain('4')
    expect(rest).toEqual([])
  })

  it('undoes the import: the created contact goes, the filled title is cleared again', async () => {
    const { page } = s
    await page.getByRole('button', { name: 'Undo the import' }).click()
    await page.getByText('The import was undone').waitFor()
    await page.getByRole('button', { name: 'Undo the import' }).waitFor({ state: 'detached' })
    await screenshot(page, 'imports-undone')
    expect((await api<Contact>('GET', `/contacts/${existingId}`)).title).toBeNull()
    expect(
      (await api<{ data: Contact[] }>('GET', `/contacts?filter[lastName][eq]=${newLastName}`)).data,
    ).toEqual([])
  })
})
