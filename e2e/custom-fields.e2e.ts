import { describe, expect, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

describe('custom fields', () => {
  const s = useBrowser()

  it('an admin adds a contact field; it appears in the form, as a column and as a filter', async () => {
    const { page } = s
    const suffix = unique('x').split(' ')[1] ?? ''
    const key = `customer_no_${suffix}`
    const label = `Customer number ${suffix}`
    const token = unique('Field').split(' ')[1] ?? ''

    await page.goto('/admin/custom-fields')
    await page.getByRole('heading', { name: 'Custom fields' }).waitFor()
    await page
      .getByRole('radiogroup', { name: 'Record type' })
      .getByText('Contacts', { exact: true })
      .click()
    await page.getByRole('button', { name: 'New field' }).click()
    const dialog = page.getByRole('dialog', { name: 'New field' })
    await dialog.getByLabel('Name in Finnish').fill(`Asiakasnumero ${suffix}`)
    await dialog.getByLabel('Name in English').fill(label)
    await dialog.getByLabel('Key').fill(key)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('list', { name: 'Custom fields' }).getByText(label).waitFor()
    await screenshot(page, 'admin-custom-fields')

    // In the create form.
    await page.goto('/contacts')
    await page.getByRole('button', { name: 'New contact' }).first().click()
    const form = page.getByRole('dialog', { name: 'New contact' })
    await form.getByLabel('First name').fill('Kalle')
    await form.getByLabel('Last name').fill(token)
    await form.getByLabel(label).fill('CN-1001')
    await form.getByRole('button', { name: 'Create' }).click()
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/)
    const details = page.getByRole('region', { name: 'Details' })
    await details.getByRole('button', { name: `Edit ${label}` }).waitFor()
    await details.getByText('CN-1001', { exact: true }).waitFor()
    await api('POST', '/contacts', {
      firstName: 'Liisa',
      lastName: token,
      custom: { [key]: 'CN-2002' },
    })

    // As a column.
    await page.goto('/contacts')
    await page.getByRole('textbox', { name: 'Quick search' }).fill(token)
    const table = page.getByRole('table')
    await table.getByRole('link', { name: `Liisa ${token}` }).waitFor()
    await table.getByRole('link', { name: `Kalle ${token}` }).waitFor()
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('checkbox', { name: label }).check()
    await page.keyboard.press('Escape')
    await table.getByRole('columnheader', { name: `Sort by ${label}` }).waitFor()
    await table
      .getByRole('row', { name: `Kalle ${token}` })
      .getByText('CN-1001')
      .waitFor()
    await table
      .getByRole('row', { name: `Liisa ${token}` })
      .getByText('CN-2002')
      .waitFor()

    // As a filter.
    await page.getByRole('button', { name: 'Filters' }).click()
    const field = page.getByRole('combobox', { name: 'Field' })
    await field.click()
    await page.getByRole('option', { name: label }).click()
    expect(await page.getByRole('combobox', { name: 'Condition' }).inputValue()).toBe('contains')
    await page.getByRole('textbox', { name: 'Value' }).fill('1001')
    await page.getByRole('button', { name: 'Apply' }).click()
    await table.getByRole('link', { name: `Liisa ${token}` }).waitFor({ state: 'detached' })
    await table.getByRole('link', { name: `Kalle ${token}` }).waitFor()
    expect(await table.getByRole('link', { name: token }).count()).toBe(1)
    await screenshot(page, 'contacts-custom-filter')
  })
})
