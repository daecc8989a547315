import { describe, expect, it } from 'vitest'
import type { DuplicateRecord } from '../../../shared/duplicates.schema'
import { explainReasons } from './duplicate-reasons'

const base: DuplicateRecord = {
  id: '0190f7a0-0000-7000-8000-00000000000a',
  name: 'Matti Virtanen',
  emails: [],
  phones: [],
  companies: [],
  businessId: null,
  domain: null,
  city: null,
  ownerId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
}
const company = { id: '0190f7a0-0000-7000-8000-0000000000cc', name: 'Virtanen Oy' }

describe('explainReasons', () => {
  it('shows the values the records share now', () => {
    const a = { ...base, emails: ['Matti@x.fi', 'm@y.fi'], city: 'Oulu', companies: [company] }
    const b = { ...base, emails: ['matti@x.fi'], city: 'oulu', companies: [company] }
    expect(
      explainReasons(
        [
          { signal: 'email' },
          { signal: 'name', similarity: 0.82 },
          { signal: 'company', companyId: company.id },
          { signal: 'city' },
        ],
        a,
        b,
      ),
    ).toEqual([
      { signal: 'email', value: 'matti@x.fi' },
      { signal: 'name', similarity: 0.82 },
      { signal: 'company', value: 'Virtanen Oy' },
      { signal: 'city', value: 'Oulu' },
    ])
  })

  it('leaves out a signal whose value the records no longer share', () => {
    const a = { ...base, phones: ['+358401234567'], businessId: '0737546-2' }
    const b = { ...base, phones: ['+358409999999'], businessId: null }
    expect(explainReasons([{ signal: 'phone' }, { signal: 'businessId' }], a, b)).toEqual([])
  })
})
