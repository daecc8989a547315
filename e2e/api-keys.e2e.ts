import { describe, expect, it } from 'vitest'
import { baseUrl, screenshot, unique, useBrowser } from './browser'

async function statusWithKey(key: string): Promise<number> {
  const res = await fetch(`${baseUrl()}/api/v1/companies?limit=1`, {
    headers: { authorization: `Bearer ${key}` },
  })
  return res.status
}

describe('API keys', () => {
  const s = useBrowser()

  it('an admin creates a key that works against the API, then revokes it and it stops', async () => {
    const { page } = s
    const name = unique('Integration')
    await page.goto('/admin/api-keys')
    await page.getByRole('heading', { name: 'API keys' }).waitFor()
    await page.getByRole('button', { name: 'New API key' }).click()
    const dialog = page.getByRole('dialog', { name: 'New API key' })
    await dialog.getByLabel('Name').fill(name)
    await dialog.getByRole('checkbox', { name: /^Full access/ }).check()
    await dialog.getByRole('button', { name: 'Create key' }).click()

    const secret = page.getByRole('dialog', { name: 'Your new API key' })
    const keyInput = secret.getByRole('textbox', { name: 'API key' })
    await keyInput.waitFor()
    const key = await keyInput.inputValue()
    expect(key.length).toBeGreaterThan(20)
    expect(await statusWithKey(key)).toBe(200)
    await secret.getByRole('button', { name: 'Done, I have copied it' }).click()
    await secret.waitFor({ state: 'hidden' })

    const row = page.getByRole('row', { name: new RegExp(name) })
    await row.getByText('Active').waitFor()
    await screenshot(page, 'admin-api-keys')
    await row.getByRole('button', { name: `Revoke the key ${name}` }).click()
    const confirm = page.getByRole('dialog', { name: 'Revoke' })
    await confirm.getByRole('button', { name: 'Revoke' }).click()
    await row.getByText('Revoked').waitFor()
    expect(await row.getByRole('button', { name: `Revoke the key ${name}` }).count()).toBe(0)

    expect(await statusWithKey(key)).toBe(401)
  })
})
