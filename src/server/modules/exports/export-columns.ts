import type { Company } from '../../../shared/companies.schema'
import type { Contact } from '../../../shared/contacts.schema'

// The columns of an export: header names that the importer's suggestions map straight back, so
// an exported file can be imported again without touching the mapping.

export type Column<T> = { header: string; value: (r: T) => unknown }

const join = (xs: (string | null | undefined)[]) => xs.filter(Boolean).join('; ')

export const contactColumns: Column<Contact>[] = [
  { header: 'Id', value: (c) => c.id },
  { header: 'First name', value: (c) => c.firstName },
  { header: 'Last name', value: (c) => c.lastName },
  { header: 'Email', value: (c) => c.emails[0]?.address },
  { header: 'Email 2', value: (c) => join(c.emails.slice(1).map((e) => e.address)) },
  { header: 'Phone', value: (c) => c.phones[0]?.number },
  { header: 'Phone 2', value: (c) => join(c.phones.slice(1).map((p) => p.number)) },
  { header: 'Title', value: (c) => c.title },
  {
    header: 'Company',
    value: (c) => (c.companies.find((x) => x.isPrimary) ?? c.companies[0])?.name,
  },
  { header: 'Street', value: (c) => c.address?.street },
  { header: 'Postal code', value: (c) => c.address?.postalCode },
  { header: 'City', value: (c) => c.address?.city },
  { header: 'Country', value: (c) => c.address?.country },
  { header: 'Birthday', value: (c) => c.birthDate },
  { header: 'Language', value: (c) => c.language },
  { header: 'Lifecycle stage', value: (c) => c.lifecycleStage },
  { header: 'Tags', value: (c) => join(c.tags.map((t) => t.name)) },
  { header: 'Created', value: (c) => c.createdAt },
]

export const companyColumns: Column<Company>[] = [
  { header: 'Id', value: (c) => c.id },
  { header: 'Company name', value: (c) => c.name },
  { header: 'Business ID', value: (c) => c.businessId },
  { header: 'VAT ID', value: (c) => c.vatId },
  { header: 'Domain', value: (c) => c.domain },
  { header: 'Industry', value: (c) => c.industry },
  { header: 'Tier', value: (c) => c.tier },
  { header: 'Street', value: (c) => c.addresses[0]?.street },
  { header: 'Postal code', value: (c) => c.addresses[0]?.postalCode },
  { header: 'City', value: (c) => c.addresses[0]?.city },
  { header: 'Country', value: (c) => c.addresses[0]?.country },
  { header: 'Lifecycle stage', value: (c) => c.lifecycleStage },
  { header: 'Tags', value: (c) => join(c.tags.map((t) => t.name)) },
  { header: 'Created', value: (c) => c.createdAt },
]

/** Custom field values as extra columns, `custom.<key>` → header = key. */
export function customColumns<T extends { custom: Record<string, unknown> }>(
  keys: string[],
): Column<T>[] {
  return keys.map((key) => ({ header: key, value: (r: T) => r.custom[key] }))
}
