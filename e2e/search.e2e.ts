import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

type Created = { id: string; name: string }

const searchBox = (page: Page) =>
  page.getByRole('combobox', { name: 'Search companies, contacts, activities…' })

/** The id of the option the combobox points at, and that option's text. */
async function activeOption(page: Page): Promise<{ id: string; text: string; selected: string }> {
  const id = (await searchBox(page).getAttribute('aria-activedescendant')) ?? ''
  const option = page.locator(`[id="${id}"]`)
  expect(await option.getAttribute('role')).toBe('option')
  return {
    id,
    text: (await option.textContent()) ?? '',
    selected: (await option.getAttribute('aria-selected')) ?? '',
  }
}

describe('global search', () => {
  const s = useBrowser()

  it('is a combobox with a listbox: Ctrl+K, type, arrow keys move the active option, Enter opens it', async () => {
    const { page } = s
    const token = unique('Kuusi').split(' ')[1] ?? ''
    const first = await api<Created>('POST', '/companies', { name: `Kuusi ${token} Alfa Oy` })
    const second = await api<Created>('POST', '/companies', { name: `Kuusi ${token} Beta Oy` })

    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor()
    await page.keyboard.press('Control+K')
    const input = searchBox(page)
    await input.waitFor()
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true)
    // Results follow typing; wait for the answer to the whole word before moving in the list.
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/search?') && r.url().includes(`q=${token}`) && r.ok(),
    )
    await page.keyboard.type(token)
    await answered
    const listbox = page.getByRole('listbox', { name: 'Search results' })
    await listbox.getByRole('option', { name: new RegExp(first.name) }).waitFor()
    await listbox.getByRole('option', { name: new RegExp(second.name) }).waitFor()
    expect(await input.getAttribute('aria-expanded')).toBe('true')
    expect(await input.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'))
    await page
      .getByRole('status')
      .getByText(/results?\. Arrow keys move/)
      .waitFor()
    await screenshot(page, 'search')

    // The first option is active at once; arrows move it and wrap around.
    const options = listbox.getByRole('option')
    const count = await options.count()
    const start = await activeOption(page)
    expect(start.id).toBe(await options.first().getAttribute('id'))
    expect(start.selected).toBe('true')
    await page.keyboard.press('ArrowDown')
    const next = await activeOption(page)
    expect(next.id).toBe(await options.nth(1).getAttribute('id'))
    expect(await options.first().getAttribute('aria-selected')).toBe('false')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect((await activeOption(page)).id).toBe(await options.nth(count - 1).getAttribute('id'))
    await page.keyboard.press('ArrowDown')
    expect((await activeOption(page)).id).toBe(start.id)

    // Move to the Beta company and open it with Enter.
    while (!(await activeOption(page)).text.includes(second.name)) {
      await page.keyboard.press('ArrowDown')
    }
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === `/companies/${second.id}`)
    await page.getByRole('heading', { level: 1, name: second.name }).waitFor()

    // With an empty box the list offers the records opened lately, newest first.
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor()
    await page.keyboard.press('Control+K')
    const recent = page.getByRole('listbox', { name: 'Recent' })
    const top = recent.getByRole('option').first()
    await top.waitFor()
    expect(await top.textContent()).toContain(second.name)
    expect((await activeOption(page)).id).toBe(await top.getAttribute('id'))
    await screenshot(page, 'search-recent')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === `/companies/${second.id}`)
  })

  it('cancels the request for text typed past and never offers its stale answer', async () => {
    const { page } = s
    const token = unique('Mänty').split(' ')[1] ?? ''
    await api<Created>('POST', '/companies', { name: `Mänty ${token} Alfa Oy` })
    const beta = await api<Created>('POST', '/companies', { name: `Mänty ${token} Beta Oy` })
    const isFor = (url: string, q: string) => new URL(url).searchParams.get('q') === q
    // The answer to the shorter text is held back until long after the longer one.
    await page.route(
      (url) => url.pathname === '/api/v1/search' && url.searchParams.get('q') === token,
      async (route) => {
        await new Promise((r) => setTimeout(r, 1500))
        await route.continue().catch(() => undefined)
      },
    )
    const aborted: string[] = []
    page.on('requestfailed', (r) => {
      if (isFor(r.url(), token)) aborted.push(r.failure()?.errorText ?? '')
    })

    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor()
    await page.keyboard.press('Control+K')
    const slow = page.waitForRequest((r) => isFor(r.url(), token))
    await searchBox(page).fill(token)
    await slow
    const fast = page.waitForResponse((r) => isFor(r.url(), `${token} Beta`))
    await searchBox(page).fill(`${token} Beta`)
    const answer = (await (await fast).json()) as { data: { title: string }[] }
    const listbox = page.getByRole('listbox', { name: 'Search results' })
    await listbox.getByRole('option', { name: new RegExp(beta.name) }).waitFor()
    await expect.poll(() => aborted.length).toBe(1)
    expect(aborted[0]).toContain('ABORTED')
    // Past the time the held-back answer would have come: the options are still exactly the
    // answer to the text in the box, in its order.
    await page.waitForTimeout(1800)
    const texts = await listbox.getByRole('option').allTextContents()
    expect(texts).toHaveLength(answer.data.length)
    answer.data.forEach((r, i) => expect(texts[i]).toContain(r.title))
    await page.unrouteAll({ behavior: 'ignoreErrors' })
  })
})
