import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, newContext, screenshot, signInWithForm, unique, useBrowser } from './browser'

type Pipeline = { id: string; stages: { id: string; name: string }[] }

/** Drags a card onto a column with the mouse, in small steps as dnd-kit expects. */
async function drag(page: Page, card: string, column: string): Promise<void> {
  const from = await page.getByRole('button', { name: card }).boundingBox()
  const to = await page.getByRole('region', { name: column }).boundingBox()
  if (!from || !to) throw new Error('card or column not on screen')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 })
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 })
  await page.mouse.up()
}

describe('pipeline board', () => {
  const s = useBrowser()

  it("shows user A's drag on user B's board without a reload, and a refused gate on the card", async () => {
    const pipeline = await api<Pipeline>('POST', '/pipelines', {
      name: unique('Putki'),
      stages: [
        { name: 'Liidi', probability: 10 },
        { name: 'Tarvekartoitus', probability: 30 },
        { name: 'Tarjous', probability: 60, requiredFields: ['expectedCloseDate'] },
      ],
    })
    const title = unique('Kauppa')
    await api('POST', '/deals', { title, pipelineId: pipeline.id, amount: 250000 })
    const email = `${unique('b').replace(' ', '-')}@example.test`.toLowerCase()
    await api('POST', '/users', {
      email,
      name: 'Bertta Myyjä',
      role: 'sales',
      password: 'bertta-salasana-1',
    })
    const other = await newContext(s.browser, false)
    const pageB = await other.newPage()
    await pageB.goto('/sign-in')
    await signInWithForm(pageB, email, 'bertta-salasana-1')
    await pageB.waitForURL((url) => !url.pathname.startsWith('/sign-in'))

    const pageA = s.page
    await pageA.goto(`/pipeline?pipeline=${pipeline.id}`)
    await pageB.goto(`/pipeline?pipeline=${pipeline.id}`)
    for (const p of [pageA, pageB]) {
      await p.getByRole('region', { name: 'Liidi' }).getByRole('button', { name: title }).waitFor()
      await p.getByText('Live').waitFor()
    }

    await drag(pageA, title, 'Tarvekartoitus')
    await pageA
      .getByRole('region', { name: 'Tarvekartoitus' })
      .getByRole('button', { name: title })
      .waitFor()
    // B did not reload: the server's event made the board refetch.
    await pageB
      .getByRole('region', { name: 'Tarvekartoitus' })
      .getByRole('button', { name: title })
      .waitFor()
    expect(
      await pageB
        .getByRole('region', { name: 'Liidi' })
        .getByRole('button', { name: title })
        .count(),
    ).toBe(0)

    await drag(pageB, title, 'Tarjous')
    const refusal = pageB.getByRole('alert').filter({ hasText: 'Cannot move to Tarjous' })
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('Expected close')
    await screenshot(pageB, 'sales-board-gate')
    await other.close()
  })
})

describe('sales pages', () => {
  const s = useBrowser()

  it('opens a deal with its scorecard, lines and quotes, and the forecast, leads and products pages', async () => {
    const { page } = s
    const pipeline = await api<Pipeline>('POST', '/pipelines', {
      name: unique('Sivut'),
      stages: [{ name: 'Liidi', probability: 20 }],
      scorecard: [
        {
          key: 'budget',
          name: 'Budget',
          weight: 10,
          options: [
            { key: 'no', label: 'None', points: 0 },
            { key: 'yes', label: 'Approved', points: 100 },
          ],
        },
      ],
    })
    const deal = await api<{ id: string }>('POST', '/deals', {
      title: unique('Kauppa'),
      pipelineId: pipeline.id,
      amount: 100000,
    })
    const product = await api<{ id: string }>('POST', '/products', {
      name: unique('Tuote'),
      unitPrice: 9900,
    })
    await api('PUT', `/deals/${deal.id}/lines`, { lines: [{ productId: product.id, quantity: 2 }] })
    await api('POST', '/quotes', { dealId: deal.id })
    await page.goto(`/deals/${deal.id}`)
    await page.getByRole('region', { name: 'Qualification' }).getByLabel('Budget (10)').click()
    await page.getByRole('option', { name: 'Approved (100)' }).click()
    await page.getByRole('region', { name: 'Qualification' }).getByText('100').first().waitFor()
    await page.getByRole('link', { name: 'PDF (English)' }).waitFor()
    await page.getByText('Total €248.49').waitFor()
    await screenshot(page, 'sales-deal')
    for (const [path, heading] of [
      ['/forecast', 'Forecast'],
      ['/leads', 'Leads'],
      ['/products', 'Products'],
      ['/pipeline/settings', 'Pipeline settings'],
    ] as const) {
      await page.goto(path)
      await page.getByRole('heading', { level: 1, name: heading }).waitFor()
      await screenshot(page, `sales${path.replaceAll('/', '-')}`)
    }
  })
})

describe('deal custom fields and currencies', () => {
  const s = useBrowser()

  it('adds a deal field in the admin, fills it in a new deal, and sums other currencies apart', async () => {
    const { page } = s
    const suffix = unique('x').split(' ')[1] ?? ''
    const label = `Sales channel ${suffix}`
    const pipeline = await api<Pipeline>('POST', '/pipelines', {
      name: unique('Valuutat'),
      stages: [{ name: 'Liidi', probability: 50 }],
    })
    await api('POST', '/deals', {
      title: unique('Kruunu'),
      pipelineId: pipeline.id,
      amount: 500000,
      currency: 'SEK',
    })

    await page.goto('/admin/custom-fields')
    await page
      .getByRole('radiogroup', { name: 'Record type' })
      .getByText('Deals', { exact: true })
      .click()
    await page.getByRole('button', { name: 'New field' }).click()
    const dialog = page.getByRole('dialog', { name: 'New field' })
    await dialog.getByLabel('Name in Finnish').fill(`Myyntikanava ${suffix}`)
    await dialog.getByLabel('Name in English').fill(label)
    await dialog.getByLabel('Key').fill(`channel_${suffix}`)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('list', { name: 'Custom fields' }).getByText(label).waitFor()

    await page.goto(`/pipeline?pipeline=${pipeline.id}`)
    await page.getByRole('button', { name: 'New deal' }).click()
    const form = page.getByRole('dialog', { name: 'New deal' })
    const title = unique('Euro')
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('Value').fill('1000')
    await form.getByLabel(label).fill('Kumppani')
    await form.getByRole('button', { name: 'Create deal' }).click()
    await form.waitFor({ state: 'hidden' })
    const column = page.getByRole('region', { name: 'Liidi' })
    await column.getByRole('button', { name: title }).waitFor()
    // The euro deal is the column's sum; the crown deal is summed apart on a line of its own.
    await column.getByText('€1,000.00').first().waitFor()
    const other = column.getByTestId('other-currency-sum')
    expect(await other.textContent()).toContain('SEK')
    expect(await other.textContent()).toContain('5,000.00')
    await screenshot(page, 'sales-board-currencies')

    await column.getByRole('link', { name: title }).click()
    await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/)
    await page.getByText(label).waitFor()
    await page.getByText('Kumppani', { exact: true }).waitFor()
    await screenshot(page, 'sales-deal-custom')
  })
})

describe('targets and the list view', () => {
  const s = useBrowser()

  it("sets a rep's quota and weekly targets on the forecast page", async () => {
    const { page } = s
    const name = unique('Tavoite Myyjä')
    const email = `${unique('t').replace(' ', '-')}@example.test`.toLowerCase()
    const { user } = await api<{ user: { id: string } }>('POST', '/users', {
      email,
      name,
      role: 'sales',
      password: 'tavoite-salasana-1',
    })
    await page.goto('/forecast')
    const targets = page.getByRole('region', { name: 'Targets' })
    await targets.getByLabel('Rep').click()
    await page.getByRole('option', { name }).click()
    await targets.getByLabel('First month').fill('2026-05')
    await targets.getByLabel('Quota').fill('5000')
    await targets.getByRole('button', { name: 'Set quota' }).click()
    await targets.getByRole('row').filter({ hasText: name }).getByText('€5,000.00').waitFor()

    const row = targets
      .getByRole('row')
      .filter({ hasText: name })
      .filter({ has: page.getByRole('button', { name: 'Save' }) })
    await row.getByLabel(`${name}: Calls`).fill('12')
    await row.getByRole('button', { name: 'Save' }).click()
    // The row's Save turns disabled again once the server has stored the targets.
    await row.locator('button:disabled', { hasText: 'Save' }).waitFor()
    const saved = await api<{ data: { userId: string; calls: number }[] }>(
      'GET',
      '/targets/activity',
    )
    expect(saved.data.find((x) => x.userId === user.id)?.calls).toBe(12)
    const quotas = await api<{ data: { userId: string; periodStart: string; amount: number }[] }>(
      'GET',
      '/targets/quotas',
    )
    expect(quotas.data.find((q) => q.userId === user.id)).toMatchObject({
      periodStart: '2026-05-01',
      amount: 500000,
    })
    await screenshot(page, 'sales-targets')
  })

  it("lists the board's deals with the board's filters", async () => {
    const { page } = s
    const pipeline = await api<Pipeline>('POST', '/pipelines', {
      name: unique('Lista'),
      stages: [{ name: 'Liidi', probability: 10 }],
    })
    const early = unique('Aikainen')
    const late = unique('Myöhäinen')
    await api('POST', '/deals', {
      title: early,
      pipelineId: pipeline.id,
      amount: 1000,
      expectedCloseDate: '2026-01-15',
    })
    await api('POST', '/deals', {
      title: late,
      pipelineId: pipeline.id,
      amount: 1000,
      expectedCloseDate: '2026-09-15',
    })
    await page.goto(`/pipeline?pipeline=${pipeline.id}`)
    await page.getByText('List', { exact: true }).click()
    await page.getByRole('link', { name: late }).waitFor()
    await page.getByLabel('Close to').fill('2026-03-31')
    await page.getByRole('link', { name: late }).waitFor({ state: 'detached' })
    await page.getByRole('link', { name: early }).waitFor()
  })
})
