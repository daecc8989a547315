import { companySizes } from '../../shared/companies.schema'
import { searchText as companySearchText } from '../modules/companies/companies.repo'
import * as fi from './finnish-data'
import { demoId, rngFor, type Rng } from './random'

export type DemoContext = {
  seed: number
  workspaceId: string
  ownerIds: string[]
  tagIds: string[]
  companies: number
  contacts: number
  now: Date
}

// Streams keep companies, contacts and activities independent of each other.
export const stream = { company: 1, contact: 2, activity: 3 } as const
// Fixed time base for ids: one millisecond per record keeps ids unique and ordered.
export const idBase = Date.UTC(2024, 0, 1)
const dayMs = 24 * 3600 * 1000

export const companyId = (c: DemoContext, i: number) =>
  demoId(c.seed, stream.company, i, idBase + i)
export const contactId = (c: DemoContext, i: number) =>
  demoId(c.seed, stream.contact, i, idBase + i)

/** A valid Y-tunnus, unique per index: even bodies, or the next odd one when the check is 1. */
export function demoBusinessId(i: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2]
  let body = 1_000_000 + ((2 * i) % 8_999_998)
  const sumOf = (b: number) =>
    [...String(b)].reduce((a, d, k) => a + Number(d) * (weights[k] ?? 0), 0)
  if (sumOf(body) % 11 === 1) body += 1
  const r = sumOf(body) % 11
  return `${body}-${r === 0 ? 0 : 11 - r}`
}

export function genitive(surname: string): string {
  if (surname.endsWith('nen')) return `${surname.slice(0, -3)}sen`
  if (surname.endsWith('i')) return `${surname.slice(0, -1)}en`
  if (surname.endsWith('e')) return `${surname}en`
  return `${surname}n`
}

export function asciiSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function pastDate(r: Rng, now: Date, maxDays: number): Date {
  return new Date(now.getTime() - Math.floor(r.next() * maxDays * dayMs))
}

function owner(c: DemoContext, r: Rng): string | null {
  return c.ownerIds.length ? r.pick(c.ownerIds) : null
}

export function companyName(r: Rng): { name: string; industry: fi.Industry; slug: string } {
  const industry = r.pick(fi.industries)
  const word = r.pick(industry.words)
  const surname = r.pick(fi.lastNames)
  const city = r.pick(fi.cities).name
  const base = r.pick([
    `${genitive(surname)} ${word}`,
    `${word} ${surname}`,
    `${city}n ${word}`,
    `${surname} & Co`,
  ])
  const form = r.pick(['Oy', 'Oy', 'Oy', 'Oy Ab', 'Ky', 'Tmi'])
  return { name: `${base} ${form}`, industry, slug: asciiSlug(base) }
}

export function companyDomain(c: DemoContext, i: number): string {
  const { slug } = companyName(rngFor(c.seed, stream.company, i))
  // The index keeps domains (and so contact emails) distinct for companies of the same name.
  return `${slug}${i >= 1000 ? `-${i}` : ''}.fi`
}

export function companyRow(c: DemoContext, i: number) {
  const r = rngFor(c.seed, stream.company, i)
  const { name, industry } = companyName(r)
  const city = r.pick(fi.cities)
  const businessId = demoBusinessId(i)
  const values = {
    name,
    businessId,
    vatId: `FI${businessId.replace('-', '')}`,
    domain: companyDomain(c, i),
    industry: industry.name,
    size: r.pick(companySizes),
    addresses: [
      {
        label: 'Käyntiosoite',
        street: `${r.pick(fi.streets)} ${r.int(1, 80)}`,
        postalCode: `${city.postal}${String(r.int(100, 990)).padStart(3, '0')}`,
        city: city.name,
        country: 'Suomi',
      },
    ],
    tier: r.next() < 0.1 ? 'A' : r.next() < 0.35 ? 'B' : 'C',
    lifecycleStage: r.pick(['lead', 'prospect', 'prospect', 'customer', 'customer', 'former']),
    ownerId: owner(c, r),
    // A few subsidiaries of an earlier company.
    parentId: i > 50 && r.chance(0.03) ? companyId(c, r.int(0, i - 1)) : null,
    custom: {},
  }
  const created = pastDate(r, c.now, 730)
  const tagIds = c.tagIds.length && r.chance(0.3) ? [r.pick(c.tagIds)] : []
  return {
    row: {
      id: companyId(c, i),
      name: values.name,
      business_id: values.businessId,
      vat_id: values.vatId,
      domain: values.domain,
      industry: values.industry,
      size: values.size,
      addresses: values.addresses,
      tier: values.tier,
      lifecycle_stage: values.lifecycleStage,
      owner_id: values.ownerId,
      parent_id: values.parentId,
      search_text: companySearchText(values),
      created_at: created.toISOString(),
      updated_at: created.toISOString(),
    },
    tagIds,
  }
}
