import { describe, expect, it } from 'vitest'
import { screenshot, unique, useBrowser } from './browser'

describe('companies, contacts and activities', () => {
  const s = useBrowser()
  const companyName = unique('Lumo Oy')
  const lastName = unique('Virtanen')
  let companyPath = ''

  it('creates a company from the list and edits a field in place', async () => {
    const { page } = s
    await page.goto('/companies')
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor()
    await page.getByRole('button', { name: 'New company' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New company' })
    await dialog.getByLabel('Name').fill(companyName)
    await dialog.getByLabel('Business ID').fill('1572860-0')
    await dialog.getByRole('button', { name: 'Create' }).click()

    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/)
    companyPath = new URL(page.url()).pathname
    await page.getByRole('heading', { level: 1, name: companyName }).waitFor()

    const details = page.getByRole('region', { name: 'Details' })
    await details.getByRole('button', { name: 'Edit Industry' }).click()
    await details.getByLabel('Industry').fill('Sawmills')
    await details.getByLabel('Industry').press('Enter')
    await details.getByText('Sawmills', { exact: true }).waitFor()
    await details.getByRole('button', { name: 'Edit Industry' }).waitFor()
    // The change is saved, not only shown: it survives a reload and is on the timeline.
    await page.reload()
    await page.getByRole('region', { name: 'Details' }).getByText('Sawmills').waitFor()
    await page.getByRole('region', { name: 'Timeline' }).getByText('Changed').first().waitFor()
    await screenshot(page, 'company-page')
  })

  it('creates a contact, links it to the company and logs a call on its timeline', async () => {
    const { page } = s
    await page.goto('/contacts')
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor()
    await page.getByRole('button', { name: 'New contact' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New contact' })
    await dialog.getByLabel('First name').fill('Aino')
    await dialog.getByLabel('Last name').fill(lastName)
    await dialog.getByLabel('Email').fill(`aino.${Date.now()}@example.fi`)
    await dialog.getByRole('button', { name: 'Create' }).click()
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: `Aino ${lastName}` }).waitFor()

    const companies = page.getByRole('region', { name: 'Companies' })
    await companies.getByText('Not linked to any company yet').waitFor()
    await companies.getByLabel('Company').fill(companyName)
    await page.getByRole('option', { name: companyName }).click()
    await companies.getByLabel('Role').fill('CEO')
    await companies.getByRole('button', { name: 'Link company' }).click()
    await companies.getByRole('link', { name: companyName }).waitFor()
    await companies.getByText('CEO').waitFor()

    await page.getByRole('button', { name: 'Log a call' }).click()
    const call = page.getByRole('dialog', { name: 'Log a call' })
    await call.getByLabel('Subject').fill('Discussed the renewal')
    await call.getByLabel('Notes').fill('They want a two-year deal.')
    await call.getByRole('button', { name: 'Save' }).click()
    await call.waitFor({ state: 'hidden' })
    const timeline = page.getByRole('region', { name: 'Timeline' })
    await timeline.getByText('Logged: Call · Discussed the renewal').waitFor()
    await screenshot(page, 'contact-page')

    // The link shows on the company's side too, and so does the call made with the contact.
    await companies.getByRole('link', { name: companyName }).click()
    await page.waitForURL((url) => url.pathname === companyPath)
    const related = page.getByRole('region', { name: 'Related records' })
    await related.getByRole('link', { name: `Aino ${lastName}` }).waitFor()
    expect(await related.textContent()).toContain('CEO')
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Logged: Call · Discussed the renewal')
      .waitFor()
  })
})
