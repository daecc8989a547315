import { describe, expect, it } from 'vitest'
import { seriousViolations } from './axe'
import { api, screenshot, unique, useBrowser } from './browser'

describe('lead scoring and assignment rules', () => {
  const s = useBrowser()

  it('sets a scoring rule and an assignment rule in the editor, and a captured lead gets the score and the owner', async () => {
    const { page } = s
    const suffix = unique('x').split(' ')[1] ?? ''
    const industry = `Vähittäiskauppa ${suffix}`
    const region = `Lappi ${suffix}`
    const ownerName = unique('Alue Myyjä')
    const { user } = await api<{ user: { id: string } }>('POST', '/users', {
      email: `${unique('alue').replace(' ', '-')}@example.test`.toLowerCase(),
      name: ownerName,
      role: 'sales',
      password: 'alue-salasana-1',
    })
    const team = unique('Etelä')
    await api('POST', '/teams', { name: team, memberIds: [user.id] })
    // The workspace is shared by the e2e files: start from no rules.
    await api('PUT', '/leads/scoring-rules', { rules: [] })
    await api('PUT', '/leads/assignment-rules', { rules: [] })

    await page.goto('/leads')
    await page.getByRole('link', { name: 'Scoring and assignment rules' }).click()
    await page.getByRole('heading', { level: 1, name: 'Scoring and assignment rules' }).waitFor()
    const scoring = page.getByRole('form', { name: 'Scoring' })
    const assignment = page.getByRole('form', { name: 'Assignment' })
    await scoring.getByText('No scoring rules yet').waitFor()
    await assignment.getByText('No assignment rules yet').waitFor()
    expect(await seriousViolations(page)).toEqual([])

    // Scoring: Industry equals <industry> → 25 points.
    await scoring.getByRole('button', { name: 'Add fit rule' }).click()
    const fit = scoring.getByRole('group', { name: 'Rule 1' })
    await fit.getByLabel('Equals').fill(industry)
    await fit.getByLabel('Points').fill('25')
    await scoring.getByRole('button', { name: 'Preview' }).click()
    await scoring
      .getByRole('region', { name: 'Preview of the scoring' })
      .getByText('nothing is saved yet')
      .waitFor()
    await scoring.getByRole('button', { name: 'Save scoring' }).click()
    await page.getByText('Scoring rules saved').waitFor()

    // Assignment: a round robin for the team, then a territory rule moved above it by keyboard.
    await assignment.getByRole('button', { name: 'Add round robin rule' }).click()
    await assignment.getByRole('group', { name: 'Rule 1' }).getByLabel('Assign to').click()
    await page.getByRole('option', { name: team }).click()
    await assignment.getByRole('button', { name: 'Add territory rule' }).click()
    const territory = assignment.getByRole('group', { name: 'Rule 2' })
    await territory.getByLabel('Assign to').click()
    await page.getByRole('option', { name: ownerName }).click()
    // Saved without the region: the server's message shows at the field.
    await assignment.getByRole('button', { name: 'Save assignment' }).click()
    const value = territory.getByLabel('Equals')
    await expect.poll(() => value.getAttribute('aria-invalid')).toBe('true')
    await value.fill(region)
    await assignment.getByRole('button', { name: 'Move rule 2 up' }).focus()
    await page.keyboard.press('Enter')
    expect(
      await assignment.getByRole('group', { name: 'Rule 1' }).getByLabel('Equals').inputValue(),
    ).toBe(region)
    await assignment.getByRole('button', { name: 'Save assignment' }).click()
    await page.getByText('Assignment rules saved').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, 'lead-rules')

    const saved = await api<{ rules: { kind: string; userId: string | null }[] }>(
      'GET',
      '/leads/assignment-rules',
    )
    expect(saved.rules.map((r) => r.kind)).toEqual(['territory', 'round_robin'])
    expect(saved.rules[0]?.userId).toBe(user.id)

    // A lead captured on the leads page gets the score and the territory's owner.
    const lastName = unique('Liidi')
    await page.getByRole('link', { name: 'Leads' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor()
    await page.getByLabel('Last name').fill(lastName)
    await page.getByLabel('Industry').fill(industry.toUpperCase())
    await page.getByLabel('Region').fill(region)
    await page.getByRole('button', { name: 'New lead' }).click()
    const row = page.getByRole('row').filter({ hasText: lastName })
    await row.waitFor()
    await row.getByRole('cell', { name: ownerName }).waitFor()
    await row.getByRole('cell', { name: '25', exact: true }).waitFor()
  })
})
