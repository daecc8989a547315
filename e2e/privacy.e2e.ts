import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Download, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, newContext, screenshot, unique, useBrowser } from './browser'

// Data protection in the browser (issue 6): purposes, consents with history, the person's own
// preference centre (no sign-in), data subject requests, erasure and retention. The tests run
// in order and share the records they make.

type Created = { id: string }

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return download
}
async function bytesOf(download: Download): Promise<Uint8Array> {
  const path = await download.path()
  return new Uint8Array(readFileSync(path))
}

describe('data protection', () => {
  const s = useBrowser()
  const suffix = unique('x').split(' ')[1] ?? ''
  const purposeKey = `letters_${suffix}`
  const purposeEn = `Customer letter ${suffix}`
  const purposeFi = `Asiakaskirje ${suffix}`
  const person = { first: 'Helmi', last: `Lahtinen${suffix}`, corrected: `Lahtinen-Koski${suffix}` }
  const email = `helmi.${suffix}@example.fi`
  const other = { first: 'Veikko', last: `Rantala${suffix}` }
  const ids = { person: '', other: '' }
  let link = ''

  beforeAll(async () => {
    ids.person = (
      await api<Created>('POST', '/contacts', {
        firstName: person.first,
        lastName: person.last,
        emails: [{ address: email }],
        phones: [{ number: '040 765 4321' }],
        lifecycleStage: 'customer',
      })
    ).id
    ids.other = (
      await api<Created>('POST', '/contacts', {
        firstName: other.first,
        lastName: other.last,
        emails: [{ address: `veikko.${suffix}@example.fi` }],
      })
    ).id
  })

  it('an admin configures a purpose with its legal basis and texts in Finnish and English', async () => {
    const { page } = s
    await page.goto('/')
    await page.getByRole('link', { name: 'Data protection' }).click()
    await page.getByRole('heading', { level: 1, name: 'Data protection' }).waitFor()
    await page.getByRole('tab', { name: 'Purposes', selected: true }).waitFor()

    await page.getByRole('button', { name: 'New purpose' }).click()
    const dialog = page.getByRole('dialog', { name: 'New purpose' })
    // A key with spaces is refused by the server; its message lands on the field.
    await dialog.getByLabel('Key').fill('Not a key')
    await dialog.getByLabel('Name in Finnish').fill(purposeFi)
    await dialog.getByLabel('Name in English').fill(purposeEn)
    await dialog.getByRole('button', { name: 'Save' }).click()
    const keyField = dialog.getByLabel('Key')
    await expect.poll(() => keyField.getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'privacy-purpose-error')

    await keyField.fill(purposeKey)
    await dialog.getByRole('combobox', { name: 'Legal basis' }).click()
    await page.getByRole('option', { name: 'Consent' }).click()
    await dialog.getByText('may withdraw at any time').waitFor()
    await dialog.getByLabel('Description in Finnish').fill('Kerran kuussa asiakkaille.')
    await dialog.getByLabel('Description in English').fill('Once a month to customers.')
    await dialog.getByLabel('Retention period').fill('Until withdrawn')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const row = page.getByRole('row', { name: new RegExp(purposeEn) })
    await row.getByText('Once a month to customers.').waitFor()
    await row.getByRole('cell', { name: 'Consent', exact: true }).waitFor()
    await row.getByText(purposeKey).waitFor()
    await screenshot(page, 'privacy-purposes')

    // Edited with the keyboard: the row's own Edit button, not a mouse-only row click.
    await row.getByRole('button', { name: `Edit ${purposeEn}` }).focus()
    await page.keyboard.press('Enter')
    const edit = page.getByRole('dialog', { name: 'Edit purpose' })
    expect(await edit.getByLabel('Key').isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    await edit.waitFor({ state: 'hidden' })
  })

  it('staff record a consent and its withdrawal; the history keeps every event', async () => {
    const { page } = s
    await page.goto(`/contacts/${ids.person}`)
    const panel = page.getByRole('region', { name: 'Consents' })
    const purposeRow = panel.getByText(purposeEn, { exact: true })
    await purposeRow.waitFor()

    await panel.getByRole('button', { name: `Record consent: ${purposeEn}` }).click()
    await panel.getByRole('button', { name: `Record withdrawal: ${purposeEn}` }).click()
    await panel.getByRole('button', { name: `Record consent: ${purposeEn}` }).click()
    await panel.getByRole('button', { name: `Record withdrawal: ${purposeEn}` }).waitFor()

    await panel.getByRole('button', { name: /^History \(3\)$/ }).click()
    const history = panel.getByRole('table', { name: 'History' })
    const rows = history.getByRole('row').filter({ hasText: purposeEn })
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('Given'),
      expect.stringContaining('Withdrawn'),
      expect.stringContaining('Given'),
    ])
    expect(await history.textContent()).toContain('Version 1 · Staff')
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(`Consent withdrawn · ${purposeKey}`)
      .waitFor()
    await screenshot(page, 'privacy-contact-consents')
  })

  it('staff make a preference-centre link, shown once and listed as not opened', async () => {
    const { page } = s
    const panel = page.getByRole('region', { name: 'Consents' })
    await panel.getByRole('button', { name: 'Make link' }).click()
    const code = panel.locator('pre, code').filter({ hasText: '/privacy/preferences/' })
    await code.waitFor()
    link = ((await code.textContent()) ?? '').trim()
    expect(link).toMatch(/^http:\/\/[^/]+\/privacy\/preferences\/\S+$/)
    const links = panel.getByRole('table', { name: 'Preference centre links' })
    const row = links.locator('[data-link-state="open"]')
    await row.getByText('Not opened yet').waitFor()
    await row.getByRole('button', { name: 'Revoke' }).waitFor()
  })

  it('the person opens the page without signing in, corrects a detail, withdraws, downloads and asks for erasure', async () => {
    const context = await newContext(s.browser, false)
    const page = await context.newPage()
    try {
      const path = new URL(link).pathname
      await page.goto(path)
      await page.getByRole('heading', { level: 1, name: 'Your data and choices' }).waitFor()
      const held = page.locator('dl')
      expect(await held.textContent()).toContain(person.last)
      expect(await held.textContent()).toContain(email)
      await screenshot(page, 'privacy-preference-centre')

      // Correct the last name.
      await page.getByLabel('Last name').fill(person.corrected)
      await page.getByRole('button', { name: 'Save' }).click()
      await page.getByRole('status').getByText('Your changes are saved.').waitFor()
      expect(await page.locator('dl').textContent()).toContain(person.corrected)

      // Withdraw the consent staff recorded.
      const consent = page.getByRole('group', { name: purposeEn })
      await consent.getByText('Given').waitFor()
      await consent.getByRole('button', { name: 'Withdraw consent' }).click()
      await page.getByRole('status').getByText('Your changes are saved.').waitFor()
      await page.getByRole('group', { name: purposeEn }).getByText('Withdrawn').waitFor()

      // Download everything: a zip with the JSON document and CSV files.
      const download = await downloaded(page, () =>
        page.getByRole('link', { name: /Download all your data/ }).click(),
      )
      expect(download.suggestedFilename()).toBe('my-data.zip')
      const files = unzipSync(await bytesOf(download))
      expect(Object.keys(files).sort()).toEqual([
        'activities.csv',
        'companies.csv',
        'consents.csv',
        'contact.csv',
        'personal-data.json',
        'privacyRequests.csv',
      ])
      const json = JSON.parse(strFromU8(files['personal-data.json'] ?? new Uint8Array())) as {
        contact: { lastName: string }
        consents: { purpose: string; status: string; source: string }[]
      }
      expect(json.contact.lastName).toBe(person.corrected)
      expect(json.consents.map((c) => [c.purpose, c.status, c.source])).toEqual([
        [purposeKey, 'withdrawn', 'preference_centre'],
        [purposeKey, 'granted', 'staff'],
        [purposeKey, 'withdrawn', 'staff'],
        [purposeKey, 'granted', 'staff'],
      ])
      const contactCsv = strFromU8(files['contact.csv'] ?? new Uint8Array())
      expect(contactCsv.split(/\r?\n/)[0]).toBe('field,value')
      expect(contactCsv).toContain(person.corrected)
      expect(contactCsv).toContain(email)
      const consentsCsv = strFromU8(files['consents.csv'] ?? new Uint8Array())
        .trim()
        .split(/\r?\n/)
      expect(consentsCsv).toHaveLength(5)
      expect(consentsCsv[0]).toContain('purpose')
      expect(consentsCsv[1]).toContain('preference_centre')

      // Ask for erasure: it lands in the request log for staff.
      await page.getByRole('button', { name: 'I ask you to erase my data' }).click()
      await page.getByRole('status').getByText('Your erasure request is received').waitFor()

      // The same page in Finnish.
      await page.goto(`${path}?lang=fi`)
      await page.getByRole('heading', { level: 1, name: 'Tietosi ja valintasi' }).waitFor()
      await screenshot(page, 'privacy-preference-centre-fi')
    } finally {
      await context.close()
    }
  })

  it('staff see what the person did: the correction, the withdrawal and the opened link', async () => {
    const { page } = s
    await page.goto(`/contacts/${ids.person}`)
    await page
      .getByRole('heading', { level: 1, name: `${person.first} ${person.corrected}` })
      .waitFor()
    const panel = page.getByRole('region', { name: 'Consents' })
    await panel.getByRole('button', { name: `Record consent: ${purposeEn}` }).waitFor()
    await panel.getByRole('button', { name: /^History \(4\)$/ }).click()
    const newest = panel.getByRole('table', { name: 'History' }).getByRole('row').nth(1)
    expect(await newest.textContent()).toContain('Preference centre')
    const timeline = page.getByRole('region', { name: 'Timeline' })
    await timeline.getByText('Asked for their data to be erased').waitFor()
    expect(await timeline.textContent()).toContain('the person themself')

    const links = panel.getByRole('table', { name: 'Preference centre links' })
    const opened = links.locator('[data-link-state="opened"]')
    await opened.getByText('Opened', { exact: true }).waitFor()

    // A second link, revoked by staff before the person uses it.
    await panel.getByRole('button', { name: 'Make link' }).click()
    const fresh = links.locator('[data-link-state="open"]')
    await fresh.getByRole('button', { name: 'Revoke' }).click()
    await links.locator('[data-link-state="revoked"]').getByText('Revoked').waitFor()
    expect(await fresh.count()).toBe(0)
    await screenshot(page, 'privacy-contact-after-centre')
  })

  it('logs a request received 40 days ago: it shows its due date and the overdue warning', async () => {
    const { page } = s
    await page.goto('/data-protection?tab=requests')
    await page.getByRole('tab', { name: 'Data subject requests', selected: true }).waitFor()

    // The erasure the person asked for is already here, with its 30-day deadline.
    const asked = page.getByRole('row', { name: new RegExp(person.corrected) })
    await asked.getByText('Preference centre').waitFor()
    expect(await asked.textContent()).toContain('Erasure')
    const received = new Date()
    const due = new Date(received.getTime() + 30 * 86_400_000)
    const day = (d: Date) => d.toLocaleDateString('en-GB', { dateStyle: 'medium' })
    await asked.getByText(`Due ${day(due)}`).waitFor()

    const form = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Log a request' }) })
    await form.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'Access' }).click()
    await form.getByRole('combobox', { name: 'Contact (optional)' }).fill(other.last)
    await page.getByRole('option', { name: `${other.first} ${other.last}` }).click()
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000)
    await form.getByLabel('Received on').fill(fortyDaysAgo.toLocaleDateString('sv-SE'))
    await form.getByLabel('Notes').fill('Asked by post')
    await form.getByRole('button', { name: 'Log a request' }).click()

    const late = page.getByRole('row', { name: new RegExp(other.last) })
    await late.getByText('Overdue').waitFor()
    const lateDue = new Date(`${fortyDaysAgo.toLocaleDateString('sv-SE')}T12:00:00`)
    await late.getByText(`Due ${day(new Date(lateDue.getTime() + 30 * 86_400_000))}`).waitFor()
    await page
      .getByRole('alert')
      .getByText(/past (its|their) 30-day deadline/)
      .waitFor()
    await screenshot(page, 'privacy-requests')

    // The filter lives in the address (a link to the late requests can be shared).
    const onlyOverdue = page.getByRole('switch', { name: 'Only overdue' })
    await onlyOverdue.click()
    await page.waitForURL(/overdue=true/)
    await expect.poll(() => onlyOverdue.isChecked()).toBe(true)
    await asked.waitFor({ state: 'detached' })
    await late.waitFor()

    // A manager takes it: handler and status change in place.
    await late.getByRole('combobox', { name: 'Status' }).click()
    await page.getByRole('option', { name: 'In progress' }).click()
    await expect
      .poll(() => late.getByRole('combobox', { name: 'Status' }).inputValue())
      .toBe('In progress')
    const saved = await api<{ data: { contactId: string; status: string }[] }>(
      'GET',
      `/privacy-requests?contactId=${ids.other}`,
    )
    expect(saved.data.map((r) => r.status)).toEqual(['in_progress'])
    await onlyOverdue.click()
    await page.waitForURL((url) => !url.search.includes('overdue'))
    await asked.waitFor()
  })

  it('carries out the erasure request: the person is anonymised and their links revoked', async () => {
    const { page } = s
    const asked = page.getByRole('row', { name: new RegExp(person.corrected) })
    await asked.getByRole('button', { name: 'Erase person' }).click()
    const confirm = page.getByRole('dialog', { name: 'Erase person' })
    await confirm.getByRole('button', { name: 'Erase person' }).click()
    await confirm.waitFor({ state: 'hidden' })
    const done = page
      .getByRole('row')
      .filter({ hasText: 'Erased person' })
      .filter({ hasText: 'Preference centre' })
    await done.waitFor()
    expect(await done.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('Completed')
    expect(await page.getByRole('table').textContent()).not.toContain(person.corrected)

    await done.getByRole('link', { name: 'Erased person' }).click()
    await page.getByRole('heading', { level: 1, name: 'Erased person' }).waitFor()
    const panel = page.getByRole('region', { name: 'Consents' })
    await panel.getByText('Personal data erased').waitFor()
    expect(await page.locator('main').textContent()).not.toContain(email)
    // The consent history stays (what was decided and when), the erase and link buttons go.
    await panel.getByRole('button', { name: /^History \(4\)$/ }).waitFor()
    expect(await panel.getByRole('button', { name: 'Erase person' }).count()).toBe(0)
    await screenshot(page, 'privacy-contact-erased')

    const anonymous = await newContext(s.browser, false)
    const pc = await anonymous.newPage()
    const res = await pc.goto(new URL(link).pathname)
    expect(res?.status()).toBe(410)
    await pc.getByRole('alert').getByText('The link has been revoked.').waitFor()
    await anonymous.close()
  })

  it('erases a contact from the contact page after asking', async () => {
    const { page } = s
    await page.goto(`/contacts/${ids.other}`)
    await page.getByRole('heading', { level: 1, name: `${other.first} ${other.last}` }).waitFor()
    const panel = page.getByRole('region', { name: 'Consents' })
    await panel.getByRole('button', { name: 'Erase person' }).click()
    const confirm = page.getByRole('dialog', { name: 'Erase person' })
    // Cancel has the focus once the dialog is open: Enter does no harm. (Pressed earlier, Enter
    // would reach the button that opens the dialog.)
    const cancel = confirm.getByRole('button', { name: 'Cancel' })
    await expect.poll(() => cancel.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await confirm.waitFor({ state: 'hidden' })
    // The overlay fades out after the dialog; a click before that lands on the overlay.
    await page.locator('.mantine-Modal-overlay').waitFor({ state: 'detached' })
    await page.getByRole('heading', { level: 1, name: `${other.first} ${other.last}` }).waitFor()

    await panel.getByRole('button', { name: 'Erase person' }).click()
    await confirm.getByRole('button', { name: 'Erase person' }).click()
    await page.getByRole('heading', { level: 1, name: 'Erased person' }).waitFor()
    await panel.getByText('Personal data erased').waitFor()
    await page.getByRole('region', { name: 'Timeline' }).getByText('Personal data erased').waitFor()
    const contact = await api<{ firstName: string | null; emails: unknown[] }>(
      'GET',
      `/contacts/${ids.other}`,
    )
    expect(contact).toMatchObject({ firstName: null, emails: [] })

    // The contacts list names them the same way, not with a blank (the list filtered to them
    // through the address, as a shared link would).
    await page.goto(`/contacts?f=id:eq:${ids.other}`)
    const row = page
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/contacts/${ids.other}"]`) })
    await row.getByText('Erased person', { exact: true }).waitFor()
    await screenshot(page, 'privacy-contacts-list-erased')
  })

  it('previews and runs a retention policy, with the run in the log', async () => {
    const { page } = s
    const name = `Old leads ${suffix}`
    await page.goto('/data-protection?tab=retention')
    await page.getByRole('tab', { name: 'Retention', selected: true }).waitFor()
    // An empty name is refused by the server, on the field.
    await page.getByRole('button', { name: 'New policy' }).click()
    const nameField = page.getByRole('textbox', { name: 'Name' })
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true')
    await nameField.fill(name)
    await page.getByRole('textbox', { name: 'Inactive for months' }).fill('24')
    await page.getByRole('button', { name: 'New policy' }).click()

    const row = page.getByRole('row', { name: new RegExp(name) })
    await row.getByText('Anonymise contacts with no activity for 24 months · Lead').waitFor()
    await row.getByRole('button', { name: 'Preview' }).click()
    // Every lead here is fresh, so none would go.
    await row.getByRole('status').getByText('0 contacts would be anonymised now').waitFor()
    await screenshot(page, 'privacy-retention')

    await row.getByRole('button', { name: 'Run now' }).click()
    const confirm = page.getByRole('dialog', { name: 'Run now' })
    await confirm.getByRole('button', { name: 'Run now' }).click()
    await confirm.waitFor({ state: 'hidden' })
    const log = page.getByRole('table', { name: 'Run log' })
    const run = log.getByRole('row', { name: new RegExp(name) })
    await run.getByText('Run by hand').waitFor()
    await run.getByText('Done').waitFor()
  })

  it('shows the records of processing and downloads them as CSV', async () => {
    const { page } = s
    await page.goto('/data-protection?tab=records')
    const table = page.getByRole('table', { name: 'Records of processing' })
    const row = table.getByRole('row', { name: new RegExp(purposeEn) })
    await row.getByText('Consent', { exact: true }).waitFor()
    await row.getByText('Until withdrawn').waitFor()
    await page.getByText(`Old leads ${suffix}: Anonymise contacts`).waitFor()
    await screenshot(page, 'privacy-records')
    const download = await downloaded(page, () =>
      page.getByRole('link', { name: 'Download CSV' }).click(),
    )
    const csv = strFromU8(await bytesOf(download))
    expect(csv).toContain(purposeEn)
    expect(csv).toContain('Until withdrawn')
  })
})
