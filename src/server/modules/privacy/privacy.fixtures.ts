import { expect } from 'vitest'
import { newId } from '../../lib/ids'
import type { Client } from '../../test/factories'

// Small helpers shared by the privacy tests (not a test file itself).

export const uniq = () => newId().replace(/-/g, '').slice(-12)

export async function makePurpose(admin: Client, over: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/purposes', {
    key: `newsletter_${uniq()}`,
    legalBasis: 'consent',
    channels: ['email', 'sms'],
    nameFi: 'Uutiskirje',
    nameEn: 'Newsletter',
    descriptionFi: 'Kuukausittainen uutiskirje',
    descriptionEn: 'Monthly newsletter',
    ...over,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; key: string; textVersion: number }
}

export async function makeContact(admin: Client, over: Record<string, unknown> = {}) {
  const u = uniq()
  const res = await admin.post('/api/v1/contacts', {
    firstName: `Maija${u}`,
    lastName: `Meikäläinen${u}`,
    emails: [{ address: `maija.${u}@example.test` }],
    phones: [{ number: '040 123 4567' }],
    ...over,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as {
    id: string
    firstName: string
    lastName: string
    emails: { address: string }[]
  }
}
