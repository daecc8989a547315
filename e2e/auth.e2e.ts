import { describe, expect, it } from 'vitest'
import { screenshot, signInWithForm, useBrowser } from './browser'

describe('signing in', () => {
  const s = useBrowser({ signedIn: false })

  it('sends a visitor to the sign-in form and back to the page they asked for', async () => {
    const { page } = s
    await page.goto('/companies')
    await page.waitForURL(/\/sign-in\?next=%2Fcompanies/)
    await page.getByRole('heading', { name: 'Sign in to Suhde' }).waitFor()
    await screenshot(page, 'sign-in')

    await signInWithForm(page, 'e2e-admin@suhde.local', 'not-the-password')
    await page.getByRole('alert').waitFor()
    expect(page.url()).toContain('/sign-in')

    await signInWithForm(page)
    await page.waitForURL((url) => url.pathname === '/companies')
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor()
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    expect(await nav.getByRole('link', { name: 'Companies' }).getAttribute('aria-current')).toBe(
      'page',
    )
  })
})
