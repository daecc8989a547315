import { afterAll, describe, expect, it } from 'vitest'
import { api, newContext, screenshot, useBrowser } from './browser'

describe('language', () => {
  const s = useBrowser()
  // The choice is saved in the profile; leave it as it was for the other test files.
  afterAll(() => api('PATCH', '/me', { language: null }))

  it('switches the whole interface between Finnish and English from the user menu', async () => {
    const { page } = s
    await page.goto('/companies')
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor()
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await nav.getByRole('link', { name: 'Contacts' }).waitFor()

    await page.getByRole('button', { name: /^User menu: / }).click()
    await page.getByRole('menuitem', { name: 'Suomi' }).click()
    await page.getByRole('heading', { level: 1, name: 'Yritykset' }).waitFor()
    const navFi = page.getByRole('navigation', { name: 'Päävalikko' })
    await navFi.getByRole('link', { name: 'Yhteyshenkilöt' }).waitFor()
    await page.getByRole('button', { name: 'Uusi yritys' }).first().waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('fi')
    await screenshot(page, 'companies-fi')

    // The profile keeps the choice: a reload stays in Finnish.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Yritykset' }).waitFor()

    await page.getByRole('button', { name: /^Käyttäjävalikko: / }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor()
    await nav.getByRole('link', { name: 'Contacts' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
  })

  it('switches the sign-in page to Finnish before signing in', async () => {
    const context = await newContext(s.browser, false)
    try {
      const page = await context.newPage()
      await page.goto('/sign-in')
      await page.getByRole('heading', { name: 'Sign in to Suhde' }).waitFor()
      // The segmented control's radios are visually hidden; a person clicks the label.
      await page.getByRole('radiogroup', { name: 'Language' }).getByText('Suomi').click()
      expect(await page.getByRole('radio', { name: 'Suomi' }).isChecked()).toBe(true)
      await page.getByRole('heading', { name: 'Kirjaudu Suhteeseen' }).waitFor()
      await page.getByLabel('Sähköposti').waitFor()
      await page.getByLabel('Salasana', { exact: true }).waitFor()
    } finally {
      await context.close()
    }
  })
})
