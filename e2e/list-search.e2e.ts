import { describe, expect, it } from 'vitest'
import { useBrowser } from './browser'

describe('list quick search', () => {
  const s = useBrowser()

  it('cancels the request of text typed past', async () => {
    const { page } = s
    await page.goto('/contacts')
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor()
    // Hold the answer to the first text, so it is still on its way when the second is asked.
    await page.route(/\/api\/v1\/contacts\?.*q=hidas/, async (route) => {
      await new Promise((r) => setTimeout(r, 5_000))
      await route.continue().catch(() => undefined)
    })
    const box = page.getByRole('textbox', { name: 'Quick search' })
    const asked = page.waitForRequest((r) => r.url().includes('q=hidas'))
    const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('q=hidas'))
    await box.fill('hidas')
    await asked
    await box.fill('nopea')
    expect((await failed).failure()?.errorText).toContain('ABORTED')
  })
})
