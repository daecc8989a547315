// Code passed to page.evaluate runs in the browser and uses its DOM types.
/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

/** Waits until the table's record links with `token` are exactly `expected`, in that order. */
async function expectRows(page: Page, token: string, expected: string[]): Promise<void> {
  try {
    await page.waitForFunction(
      ([t, want]) =>
        [...document.querySelectorAll('table a')]
          .map((a) => a.textContent ?? '')
          .filter((text) => text.includes(t))
          .join('|') === want.join('|'),
      [token, expected] as const,
    )
  } catch {
    const actual = await page
      .getByRole('table')
      .getByRole('link', { name: token })
      .allTextContents()
    expect(actual).toEqual(expected)
  }
}

describe('saved views', () => {
  const s = useBrowser()

  it('saves search, sort and columns as a view and reopens it from a fresh list', async () => {
    const { page } = s
    const token = unique('View').split(' ')[1] ?? ''
    await api('POST', '/contacts/bulk', {
      records: [
        {
          firstName: 'Anna',
          lastName: token,
          title: 'Analyst',
          phones: [{ number: '0401234567' }],
        },
        { firstName: 'Bertta', lastName: token, title: 'Buyer' },
        { firstName: 'Cecilia', lastName: token, title: 'CTO' },
      ],
    })
    await api('POST', '/contacts', { firstName: 'Other', lastName: unique('Person') })

    await page.goto('/contacts')
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor()
    await page.getByRole('textbox', { name: 'Quick search' }).fill(token)
    await page.getByRole('button', { name: 'Sort by Title' }).click()
    await page
      .locator('th[aria-sort="ascending"]')
      .getByRole('button', { name: 'Sort by Title' })
      .waitFor()
    await expectRows(page, token, [`Anna ${token}`, `Bertta ${token}`, `Cecilia ${token}`])
    await page.getByRole('button', { name: 'Sort by Title' }).click()
    await page
      .locator('th[aria-sort="descending"]')
      .getByRole('button', { name: 'Sort by Title' })
      .waitFor()
    await expectRows(page, token, [`Cecilia ${token}`, `Bertta ${token}`, `Anna ${token}`])
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('checkbox', { name: 'Phone' }).uncheck()
    await page.keyboard.press('Escape')
    await page.getByRole('columnheader', { name: 'Phone' }).waitFor({ state: 'detached' })

    const viewName = unique('Title order')
    await page.getByRole('button', { name: 'Views' }).click()
    await page.getByRole('menuitem', { name: 'Save current view…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save view' })
    await dialog.getByLabel('View name').fill(viewName)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('button', { name: `View: ${viewName}` }).waitFor()
    await screenshot(page, 'contacts-saved-view')

    // The list from the menu starts with no search or sort; bring the column back so the view
    // must hide it again.
    await page.goto('/contacts')
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor()
    await page.getByRole('button', { name: 'Views' }).waitFor()
    expect(await page.getByRole('textbox', { name: 'Quick search' }).inputValue()).toBe('')
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('checkbox', { name: 'Phone' }).check()
    await page.keyboard.press('Escape')
    await page.getByRole('columnheader', { name: 'Phone' }).waitFor()

    await page.getByRole('button', { name: 'Views' }).click()
    await page.getByRole('menuitem', { name: viewName }).click()
    await page.getByRole('button', { name: `View: ${viewName}` }).waitFor()
    await page.getByText('3 in total', { exact: true }).waitFor()
    expect(await page.getByRole('textbox', { name: 'Quick search' }).inputValue()).toBe(token)
    await expectRows(page, token, [`Cecilia ${token}`, `Bertta ${token}`, `Anna ${token}`])
    await page.getByRole('columnheader', { name: 'Phone' }).waitFor({ state: 'detached' })

    // The opened view is in the address, so a reload shows the same list.
    await page.reload()
    await page.getByRole('button', { name: `View: ${viewName}` }).waitFor()
    await page.getByText('3 in total', { exact: true }).waitFor()
    expect(await page.getByRole('textbox', { name: 'Quick search' }).inputValue()).toBe(token)
    await expectRows(page, token, [`Cecilia ${token}`, `Bertta ${token}`, `Anna ${token}`])
  })
})
