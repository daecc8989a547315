import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { seriousViolations } from './axe'
import { api, newContext, screenshot, unique, useBrowser } from './browser'

type Check = { name: string; path: () => string; ready: (page: Page) => Promise<unknown> }

describe('accessibility (axe-core: no serious or critical violations)', () => {
  const s = useBrowser()
  const ids = { company: '', contact: '' }
  const companyName = unique('Saavutettava Oy')
  const purposeName = unique('Accessible letter')
  let preferenceCentre = ''

  beforeAll(async () => {
    const company = await api<{ id: string }>('POST', '/companies', {
      name: companyName,
      industry: 'Software',
      lifecycleStage: 'customer',
    })
    const contact = await api<{ id: string }>('POST', '/contacts', {
      firstName: 'Eino',
      lastName: unique('Leino'),
      title: 'CTO',
      emails: [{ address: `eino.${Date.now()}@example.fi` }],
      companies: [{ companyId: company.id, role: 'CTO' }],
    })
    ids.company = company.id
    ids.contact = contact.id
    const yesterday = new Date(Date.now() - 86_400_000).toISOString()
    await api('POST', '/activities', {
      type: 'task',
      subject: 'Send the offer',
      dueAt: yesterday,
      contactId: contact.id,
      companyId: company.id,
    })
    await api('POST', '/activities', {
      type: 'call',
      subject: 'First call',
      contactId: contact.id,
      companyId: company.id,
    })
    // Data protection pages with something on them: a purpose the contact consented to, an
    // overdue request, a retention policy and the person's preference-centre link.
    const purpose = await api<{ key: string }>('POST', '/purposes', {
      key: `a11y_${Date.now().toString(36)}`,
      legalBasis: 'consent',
      channels: ['email', 'sms'],
      nameFi: `Saavutettava kirje ${purposeName.split(' ').at(-1)}`,
      nameEn: purposeName,
      descriptionFi: 'Kuukausikirje',
      descriptionEn: 'Monthly letter',
      dataCategories: ['Name', 'Email'],
      recipients: ['Mail service'],
      retentionPeriod: 'Until withdrawn',
    })
    await api('POST', `/contacts/${contact.id}/consents`, {
      purposeKey: purpose.key,
      status: 'granted',
      channels: ['email'],
    })
    await api('POST', '/privacy-requests', {
      type: 'access',
      contactId: contact.id,
      receivedAt: new Date(Date.now() - 45 * 86_400_000).toISOString(),
      notes: 'By post',
    })
    await api('POST', '/retention-policies', {
      name: unique('Old leads'),
      lifecycleStage: 'lead',
      inactiveMonths: 24,
    })
    const link = await api<{ url: string }>('POST', `/contacts/${contact.id}/privacy-links`, {})
    preferenceCentre = new URL(link.url).pathname
  })

  const h1 = (name: string) => (page: Page) =>
    page.getByRole('heading', { level: 1, name }).waitFor()
  const firstRow = (page: Page) => page.getByRole('table').getByRole('link').first().waitFor()
  const timeline = (page: Page) =>
    page
      .getByRole('region', { name: 'Timeline' })
      .getByText('First call', { exact: false })
      .waitFor()
  const checks: Check[] = [
    { name: 'my-day', path: () => '/', ready: h1('My day') },
    { name: 'companies', path: () => '/companies', ready: firstRow },
    { name: 'company', path: () => `/companies/${ids.company}`, ready: timeline },
    { name: 'contacts', path: () => '/contacts', ready: firstRow },
    { name: 'contact', path: () => `/contacts/${ids.contact}`, ready: timeline },
    { name: 'settings', path: () => '/settings', ready: h1('Settings') },
    {
      name: 'admin-custom-fields',
      path: () => '/admin/custom-fields',
      ready: (page) => page.getByRole('button', { name: 'New field' }).waitFor(),
    },
    {
      name: 'admin-api-keys',
      path: () => '/admin/api-keys',
      ready: (page) => page.getByRole('button', { name: 'New API key' }).waitFor(),
    },
    {
      name: 'privacy-purposes',
      path: () => '/data-protection',
      ready: (page) => page.getByRole('row', { name: new RegExp(purposeName) }).waitFor(),
    },
    {
      name: 'privacy-requests',
      path: () => '/data-protection?tab=requests',
      ready: (page) => page.getByText('Overdue', { exact: true }).first().waitFor(),
    },
    {
      name: 'privacy-retention',
      path: () => '/data-protection?tab=retention',
      ready: (page) => page.getByRole('button', { name: 'Preview' }).first().waitFor(),
    },
    {
      name: 'privacy-records',
      path: () => '/data-protection?tab=records',
      ready: (page) => page.getByRole('row', { name: new RegExp(purposeName) }).waitFor(),
    },
  ]

  for (const scheme of ['light', 'dark'] as const) {
    describe(`${scheme} theme`, () => {
      let context: BrowserContext
      let anonymous: BrowserContext
      beforeAll(async () => {
        context = await newContext(s.browser, true, scheme)
        anonymous = await newContext(s.browser, false, scheme)
      })
      afterAll(async () => {
        await context.close()
        await anonymous.close()
      })

      it('preference centre (the public page a person opens from their link)', async () => {
        const page = await anonymous.newPage()
        onTestFailed(() => screenshot(page, `failed-a11y-${scheme}-preference-centre`))
        await page.goto(preferenceCentre)
        await h1('Your data and choices')(page)
        await screenshot(page, `a11y-${scheme}-preference-centre`)
        expect(await seriousViolations(page)).toEqual([])
        await page.close()
      })

      it('global search open with results', async () => {
        const page = await context.newPage()
        onTestFailed(() => screenshot(page, `failed-a11y-${scheme}-search`))
        await page.goto('/')
        await h1('My day')(page)
        await page.keyboard.press('Control+K')
        await page.getByRole('combobox', { name: /^Search/ }).fill(companyName)
        await page
          .getByRole('option', { name: new RegExp(companyName) })
          .first()
          .waitFor()
        await screenshot(page, `a11y-${scheme}-search`)
        expect(await seriousViolations(page)).toEqual([])
        await page.close()
      })

      it('sign-in page', async () => {
        const page = await anonymous.newPage()
        await page.goto('/sign-in')
        await h1('Sign in to Suhde')(page)
        await screenshot(page, `a11y-${scheme}-sign-in`)
        expect(await seriousViolations(page)).toEqual([])
      })

      for (const check of checks)
        it(`${check.name} page`, async () => {
          const page = await context.newPage()
          onTestFailed(() => screenshot(page, `failed-a11y-${scheme}-${check.name}`))
          await page.goto(check.path())
          await check.ready(page)
          // Skeletons gone: axe checks the page as it settles, not its loading state.
          await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' })
          await screenshot(page, `a11y-${scheme}-${check.name}`)
          expect(await seriousViolations(page)).toEqual([])
          await page.close()
        })
    })
  }
})
