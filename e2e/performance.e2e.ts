// Code passed to page.evaluate runs in the browser and uses its DOM types.
/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

// Printed timings, not timed assertions (the machine is shared). With E2E_DATABASE_URL set to
// a benchmark database (see e2e/global-setup.ts) they are the figures of PERFORMANCE.md for
// the web: the first row of a 1M-contact list, and search results after the last key.
const isExternal = () => inject('dataset') === 'external'

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
    // A benchmark database has its million already; it gets no thousand more per run.
    if (!isExternal()) await api('POST', '/contacts/bulk', { records })
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
    const seeding = isExternal()
      ? 'no seeding (external database)'
      : `bulk-created 1,000 contacts in ${seedMs} ms`
    console.log(
      `perf: ${seeding}; contacts list first row after navigation: ${summary}; ` +
        `list says "${total}"`,
    )
  })
})

type SearchTiming = { shownMs: number; requestMs: number; startedAfterKeyMs: number }

describe('global search: results after the last key (printed, not a timed assertion)', () => {
  const s = useBrowser()

  it('types like a person and times the last key to the fresh results on screen', async () => {
    const { page } = s
    let terms: string[]
    if (isExternal()) {
      // Names of the standard dataset (bench/prepare.ts): a common surname, a full name and
      // two company names; E2E_SEARCH_TERMS (comma-separated) picks others.
      terms = (process.env.E2E_SEARCH_TERMS ?? 'Kallio,Petri Aaltonen,Kotkan Valimo,Savolaisen')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    } else {
      const token = unique('Haku').split(' ')[1] ?? ''
      for (const name of ['Alfa', 'Beta', 'Gamma'])
        await api('POST', '/companies', { name: `Hakuyhtiö ${token} ${name} Oy` })
      terms = [`${token}`, `Hakuyhtiö ${token} Beta`, `${token} Gamma`]
    }

    const timings: { term: string; t: SearchTiming }[] = []
    for (const term of terms) {
      // A fresh page each time: nothing of an earlier term is cached.
      await page.goto('/')
      await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor()
      await page.keyboard.press('Control+K')
      const input = page.getByRole('combobox', { name: /^Search/ })
      await input.waitFor()
      // A typist's pace: about 110 ms between keys.
      await page.keyboard.type(term.slice(0, -1), { delay: 110 })
      await page.evaluate((full) => {
        const w = window as unknown as { searchShown?: Promise<SearchTiming> }
        w.searchShown = new Promise((resolve) => {
          let keyAt = 0
          document.addEventListener('keydown', () => (keyAt = performance.now()), {
            capture: true,
            once: true,
          })
          // Checked every frame, not on DOM mutations: when the full term finds the same rows as
          // the text before it, React changes nothing and a MutationObserver would wait forever.
          const check = () => {
            const box = document.querySelector<HTMLInputElement>('[role="combobox"]')
            const list = box && document.getElementById(box.getAttribute('aria-controls') ?? '')
            const request = performance
              .getEntriesByType('resource')
              .filter((e) => e.name.includes('/api/v1/search?'))
              .filter((e) => new URL(e.name).searchParams.get('q') === full)
              .at(-1) as PerformanceResourceTiming | undefined
            const fresh =
              keyAt &&
              box &&
              box.value.trim() === full &&
              list &&
              request &&
              list.querySelector('[role="option"]')
            if (!fresh) return void requestAnimationFrame(check)
            const shownAt = performance.now()
            resolve({
              shownMs: Math.round(shownAt - keyAt),
              requestMs: Math.round(request ? request.responseEnd - request.startTime : -1),
              startedAfterKeyMs: Math.round(request ? request.startTime - keyAt : -1),
            })
          }
          requestAnimationFrame(check)
        })
      }, term)
      await page.keyboard.type(term.slice(-1))
      const t = await page.evaluate(
        () => (window as unknown as { searchShown: Promise<SearchTiming> }).searchShown,
      )
      expect(t.shownMs).toBeGreaterThan(0)
      timings.push({ term, t })
      await page.keyboard.press('Escape')
    }
    await screenshot(page, 'search-timed')
    const lines = timings.map(
      ({ term, t }) =>
        `"${term}": ${t.shownMs} ms (request sent ${t.startedAfterKeyMs} ms after the key, ` +
        `answered in ${t.requestMs} ms)`,
    )
    const sorted = timings.map((x) => x.t.shownMs).sort((a, b) => a - b)
    console.log(
      `perf: search results after the last key (${isExternal() ? 'external' : 'fresh'} ` +
        `database): ${lines.join('; ')}; median ${sorted[Math.floor(sorted.length / 2)]} ms`,
    )
  })
})
