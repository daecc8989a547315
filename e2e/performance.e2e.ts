// Code passed to page.evaluate runs in the browser and uses its DOM types.
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

describe('contacts list with 1,000 more contacts (printed, not a timed assertion)', () => {
  const s = useBrowser()

  it('renders the first row of the list and prints the time from navigation', async () => {
    const { page } = s
    const token = unique('Perf').split(' ')[1] ?? ''
    const records = Array.from({ length: 1000 }, (_, i) => ({
      firstName: `Henkilö${i}`,
      lastName: token,
      emails: [{ address: `perf.${token}.${i}@example.fi` }],
    }))
    const seeded = Date.now()
    await api('POST', '/contacts/bulk', { records })
    const seedMs = Date.now() - seeded

    // In the page: the moment a row link first appears, on the clock that starts at navigation.
    await page.addInitScript(() => {
      const w = window as unknown as { firstRowAt?: number }
      new MutationObserver((_, observer) => {
        if (!document.querySelector('table tbody a')) return
        w.firstRowAt = performance.now()
        observer.disconnect()
      }).observe(document, { childList: true, subtree: true })
    })
    // Warm the browser cache with the app's chunks once, as a returning user has them.
    await page.goto('/settings')
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()

    const runs: { wall: number; inPage: number }[] = []
    for (let i = 0; i < 3; i++) {
      const started = Date.now()
      await page.goto('/contacts', { waitUntil: 'commit' })
      await page.getByRole('table').getByRole('link').first().waitFor()
      const wall = Date.now() - started
      const inPage = await page.evaluate(() =>
        Math.round((window as unknown as { firstRowAt?: number }).firstRowAt ?? -1),
      )
      expect(inPage).toBeGreaterThan(0)
      runs.push({ wall, inPage })
    }
    const total = (await page.getByText(/in total/).textContent()) ?? ''
    expect(Number(total.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1000)
    await screenshot(page, 'contacts-1000')

    const summary = runs.map((r) => `${r.wall} ms (in page ${r.inPage} ms)`).join(', ')
    console.log(
      `perf: bulk-created 1,000 contacts in ${seedMs} ms; contacts list first row after ` +
        `navigation: ${summary}; list says "${total}"`,
    )
  })
})
