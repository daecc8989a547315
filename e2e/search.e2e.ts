import { describe, expect, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

type Created = { id: string; name: string }

describe('global search', () => {
  const s = useBrowser()

  it('finds records with the keyboard only: Ctrl+K, type, arrow down, Enter opens it', async () => {
    const { page } = s
    const token = unique('Kuusi').split(' ')[1] ?? ''
    const first = await api<Created>('POST', '/companies', { name: `Kuusi ${token} Alfa Oy` })
    const second = await api<Created>('POST', '/companies', { name: `Kuusi ${token} Beta Oy` })

    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor()
    await page.keyboard.press('Control+K')
    const input = page.getByRole('textbox', { name: 'Search companies, contacts, activities…' })
    await input.waitFor()
    // Results follow typing; wait for the answer to the whole word before moving in the list.
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/search?') && r.url().includes(`q=${token}`) && r.ok(),
    )
    await page.keyboard.type(token)
    await answered
    // Mantine Spotlight shows results as buttons in the dialog (not as listbox options).
    const results = page.getByRole('dialog').getByRole('button')
    await results.filter({ hasText: first.name }).waitFor()
    await results.filter({ hasText: second.name }).waitFor()
    await screenshot(page, 'search')

    await page.keyboard.press('ArrowDown')
    // Spotlight marks the keyboard-selected result only with data-selected; nothing in ARIA.
    const selected = page.getByRole('dialog').locator('[data-selected="true"]')
    await selected.waitFor()
    const selectedText = (await selected.textContent()) ?? ''
    await page.keyboard.press('ArrowDown')
    const next = (await selected.textContent()) ?? ''
    expect(next).not.toBe(selectedText)
    const target = [first, second].find((c) => next.includes(c.name))
    expect(target).toBeDefined()

    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === `/companies/${target?.id}`)
    await page.getByRole('heading', { level: 1, name: target?.name }).waitFor()
  })
})
