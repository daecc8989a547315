import { describe, expect, it } from 'vitest'
import { api, screenshot, unique, useBrowser } from './browser'

describe('duplicates', () => {
  const s = useBrowser()

  it('finds two contacts of one person and merges them, keeping the chosen title', async () => {
    const { page } = s
    const lastName = unique('Kaksoinen')
    const email = `${lastName.replace(/\W/g, '').toLowerCase()}@example.fi`
    const older = await api<{ id: string }>('POST', '/contacts', {
      firstName: 'Ilona',
      lastName,
      title: 'Toimitusjohtaja',
      emails: [{ address: email }],
    })
    const newer = await api<{ id: string }>('POST', '/contacts', {
      firstName: 'Ilona',
      lastName,
      title: 'CEO',
      emails: [{ address: email.toUpperCase() }],
      phones: [{ number: '040 765 4321' }],
    })

    await page.goto('/duplicates')
    await page.getByRole('heading', { level: 1, name: 'Duplicates' }).waitFor()
    await page.getByRole('button', { name: 'Find duplicates' }).click()
    // The scan runs as a job; the queue reloads when it is done. Other tests leave pairs of their
    // own in this workspace, so look at this person's pairs (as a record's "Find duplicates" does).
    await page.goto(`/duplicates?objectType=contact&recordId=${older.id}`)
    const pair = page.getByRole('article', {
      name: `Possible duplicates: Ilona ${lastName} and Ilona ${lastName}`,
    })
    await pair.waitFor({ timeout: 30_000 })
    await pair.getByText(`Same email ${email}`).waitFor()
    await screenshot(page, 'duplicates-queue')

    await pair.getByRole('button', { name: 'Merge' }).click()
    const dialog = page.getByRole('dialog', { name: 'Merge records' })
    const title = dialog.getByRole('radiogroup', { name: 'Title' })
    expect(await title.getByRole('radio', { name: 'Toimitusjohtaja' }).isChecked()).toBe(true)
    await title.getByRole('radio', { name: 'CEO' }).check()
    await dialog.getByText(/Moves to the record kept/).waitFor()
    await screenshot(page, 'duplicates-merge-dialog')
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await pair.waitFor({ state: 'detached' })

    // The merged contact's address leads to the one kept, which has the chosen title and both
    // the email and the phone.
    await page.goto(`/contacts/${newer.id}`)
    await page.waitForURL(`**/contacts/${older.id}`)
    await page.getByRole('heading', { level: 1, name: `Ilona ${lastName}` }).waitFor()
    const details = page.getByRole('region', { name: 'Details' })
    await details.getByText('CEO', { exact: true }).waitFor()
    await details
      .getByText('+358 40 7654321')
      .or(details.getByText('+358407654321'))
      .first()
      .waitFor()
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Merged other records into this one')
      .waitFor()
  })
})
