import { describe, expect, it } from 'vitest'
import { emailSchema } from '../../shared/common.schema'
import { normalizeBusinessId, normalizePhone } from '../../shared/validators'
import { companyRow, demoBusinessId, genitive, type DemoContext } from './generate'
import { activityRow, contactRow } from './generate-people'

const ctx = (seed: number): DemoContext => ({
  seed,
  workspaceId: '00000000-0000-7000-8000-000000000000',
  ownerIds: ['00000000-0000-7000-8000-000000000001'],
  tagIds: [],
  companies: 500,
  contacts: 2000,
  now: new Date('2026-11-01T10:00:00Z'),
})

describe('demo generator', () => {
  it('makes valid and distinct Finnish business IDs', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => demoBusinessId(i))
    for (const id of ids) expect(normalizeBusinessId(id)).toBe(id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('makes companies with Finnish names, valid business IDs and VAT ids', () => {
    for (let i = 0; i < 500; i++) {
      const { row } = companyRow(ctx(1), i)
      expect(normalizeBusinessId(row.business_id)).toBe(row.business_id)
      expect(row.vat_id).toBe(`FI${row.business_id.replace('-', '')}`)
      expect(row.name).toMatch(/ (Oy|Oy Ab|Ky|Tmi)$/)
      expect(row.domain).toMatch(/^[a-z0-9-]+\.fi$/)
    }
    expect(genitive('Mäkinen')).toBe('Mäkisen')
    expect(genitive('Niemi')).toBe('Niemen')
  })

  it('makes contacts whose phones are valid E.164 Finnish mobiles and emails are valid', () => {
    for (let i = 0; i < 2000; i++) {
      const { row, links } = contactRow(ctx(1), i)
      const phone = row.phones[0]?.number ?? ''
      expect(phone).toMatch(/^\+3584\d|^\+35850/)
      expect(normalizePhone(phone)).toBe(phone)
      expect(emailSchema.safeParse(row.emails[0]?.address).success).toBe(true)
      expect(links.filter((l) => l.is_primary)).toHaveLength(1)
    }
  })

  it('gives the same data for the same seed and different data for another seed', () => {
    expect(contactRow(ctx(7), 42)).toEqual(contactRow(ctx(7), 42))
    expect(activityRow(ctx(7), 42)).toEqual(activityRow(ctx(7), 42))
    expect(companyRow(ctx(7), 3).row.name).toBe(companyRow(ctx(7), 3).row.name)
    const a = Array.from({ length: 20 }, (_, i) => contactRow(ctx(7), i).row.first_name)
    const b = Array.from({ length: 20 }, (_, i) => contactRow(ctx(8), i).row.first_name)
    expect(a).not.toEqual(b)
  })

  it('gives open tasks a due date and no done time in the future', () => {
    const c = ctx(3)
    for (let i = 0; i < 1000; i++) {
      const a = activityRow(c, i)
      if (a.type === 'task') expect(a.due_at).not.toBeNull()
      if (a.done_at) expect(Date.parse(a.done_at)).toBeLessThanOrEqual(c.now.getTime())
    }
  })
})
