// Code passed to page.evaluate runs in the browser and uses its DOM types.
/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

/**
 * Every element that scrolls sideways on the page, with how far: the page itself and any
 * table container. Wrapped cells are fine; a table wider than its box is not.
 */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const out: string[] = []
    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth + 1)
      out.push(`page: ${doc.scrollWidth} > ${doc.clientWidth}`)
    for (const table of document.querySelectorAll('table')) {
      for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
        const overflowX = getComputedStyle(el).overflowX
        if (overflowX !== 'auto' && overflowX !== 'scroll') continue
        if (el.scrollWidth > el.clientWidth + 1)
          out.push(
            `${table.getAttribute('aria-label') ?? 'table'}: ${el.scrollWidth} > ${el.clientWidth}`,
          )
        break
      }
    }
    return out
  })
}

describe('tables fit a 1280-px window with their default columns', () => {
  const s = useBrowser()

  beforeAll(async () => {
    const company = await api<{ id: string }>('POST', '/companies', {
      name: unique('Leveä Osakeyhtiö Pitkällä Nimellä'),
      domain: 'levea.example.fi',
      industry: 'Wholesale of machinery and equipment',
      lifecycleStage: 'customer',
    })
    await api('POST', '/contacts', {
      firstName: 'Maria-Kristiina',
      lastName: unique('Lindholm-Väisänen'),
      title: 'Head of procurement and logistics',
      emails: [{ address: `maria-kristiina.lindholm.${Date.now()}@example.fi` }],
      phones: [{ number: '040 123 4567' }],
      companies: [{ companyId: company.id, role: 'Buyer' }],
    })
  })

  const pages: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
    {
      name: 'contacts',
      path: '/contacts',
      ready: (p) => p.getByRole('table').getByRole('link').first().waitFor(),
    },
    {
      name: 'companies',
      path: '/companies',
      ready: (p) => p.getByRole('table').getByRole('link').first().waitFor(),
    },
    {
      name: 'privacy-requests',
      path: '/data-protection?tab=requests',
      ready: (p) => p.getByRole('switch', { name: 'Only overdue' }).waitFor(),
    },
    {
      name: 'privacy-purposes',
      path: '/data-protection',
      ready: (p) => p.getByRole('button', { name: 'New purpose' }).waitFor(),
    },
    {
      name: 'privacy-records',
      path: '/data-protection?tab=records',
      ready: (p) => p.getByRole('link', { name: 'Download CSV' }).waitFor(),
    },
    {
      name: 'admin-users',
      path: '/admin/users',
      ready: (p) => p.getByRole('table').waitFor(),
    },
  ]

  for (const check of pages)
    it(`${check.name}`, async () => {
      const page = await s.context.newPage()
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.goto(check.path)
      await check.ready(page)
      await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' })
      const overflow = await sidewaysOverflow(page)
      if (overflow.length) await screenshot(page, `failed-layout-1280-${check.name}`)
      expect(overflow).toEqual([])
      await page.close()
    })
})
