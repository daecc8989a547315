import type { DuplicateReason, DuplicateRecord } from '../../../shared/duplicates.schema'

// The stored reasons of a pair name the signals only; the values come from the records as they
// are now. A value the records no longer share is left out rather than shown stale.

export type StoredReason = {
  signal: DuplicateReason['signal']
  similarity?: number
  companyId?: string
}

const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()))

function shared(a: string[], b: string[]): string[] {
  const other = lower(b)
  return [...lower(a)].filter((x) => other.has(x))
}

const cities = (r: DuplicateRecord) => (r.city ? r.city.split(', ') : [])

function explainOne(r: StoredReason, a: DuplicateRecord, b: DuplicateRecord): DuplicateReason[] {
  const values = (signal: DuplicateReason['signal'], vs: string[]) =>
    vs.map((value) => ({ signal, value }))
  switch (r.signal) {
    case 'email':
      return values('email', shared(a.emails, b.emails))
    case 'phone':
      return values('phone', shared(a.phones, b.phones))
    case 'businessId':
      return a.businessId && a.businessId === b.businessId
        ? values('businessId', [a.businessId])
        : []
    case 'domain':
      return a.domain && a.domain === b.domain ? values('domain', [a.domain]) : []
    case 'city':
      return values('city', sharedCities(a, b))
    case 'company': {
      const company = a.companies.find((c) => c.id === r.companyId)
      const isShared = b.companies.some((c) => c.id === r.companyId)
      return company && isShared ? values('company', [company.name]) : []
    }
    case 'name':
    case 'differentNames':
      return [{ signal: r.signal, similarity: r.similarity ?? 0 }]
    default:
      return [{ signal: r.signal }]
  }
}

/** The cities both records have, as the first record writes them. */
function sharedCities(a: DuplicateRecord, b: DuplicateRecord): string[] {
  const other = lower(cities(b))
  return cities(a).filter((c) => other.has(c.toLowerCase()))
}

/** The reasons to show for a pair: each stored signal with its current shared value. */
export function explainReasons(
  stored: StoredReason[],
  a: DuplicateRecord,
  b: DuplicateRecord,
): DuplicateReason[] {
  return stored.flatMap((r) => explainOne(r, a, b))
}
