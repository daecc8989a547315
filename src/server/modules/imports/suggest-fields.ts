import type { ImportField, ImportMapping } from '../../../shared/imports.schema'

// Header → field, in Finnish and English, including the column names that HubSpot, Pipedrive,
// Salesforce, Google Contacts and Outlook write in their exports. Headers are compared lowercased
// with product prefixes ("Person - ", "Organization 1 - ") and punctuation removed.

const names: Record<ImportField, string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'first', 'etunimi', 'etunimet'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'sukunimi'],
  fullName: [
    'name',
    'full name',
    'contact name',
    'display name',
    'nimi',
    'koko nimi',
    'yhteyshenkilö',
  ],
  email: [
    'email',
    'e mail',
    'email address',
    'e mail address',
    'work email',
    'email work',
    'e mail 1 value',
    'email 1 value',
    'sähköposti',
    'sähköpostiosoite',
    'sposti',
    'email 1',
  ],
  email2: [
    'email 2',
    'e mail 2 value',
    'e mail 2 address',
    'email home',
    'other email',
    'sähköposti 2',
  ],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'business phone',
    'work phone',
    'phone work',
    'phone 1 value',
    'puhelin',
    'puhelinnumero',
    'puh',
    'tel',
  ],
  phone2: [
    'mobile',
    'mobile phone',
    'mobile phone number',
    'cell',
    'phone 2 value',
    'phone mobile',
    'matkapuhelin',
    'gsm',
    'kännykkä',
    'phone 2',
  ],
  title: [
    'job title',
    'title',
    'organization 1 title',
    'position',
    'role',
    'titteli',
    'tehtävänimike',
    'nimike',
    'asema',
    'rooli',
  ],
  birthDate: [
    'birthday',
    'birth date',
    'birthdate',
    'date of birth',
    'syntymäpäivä',
    'syntymäaika',
  ],
  language: ['language', 'preferred language', 'kieli', 'asiointikieli'],
  street: [
    'street',
    'street address',
    'address',
    'mailing street',
    'business street',
    'address 1 street',
    'katuosoite',
    'osoite',
    'lähiosoite',
    'billing street',
  ],
  postalCode: [
    'postal code',
    'zip',
    'zip code',
    'postcode',
    'mailing zip postal code',
    'business postal code',
    'address 1 postal code',
    'postinumero',
    'billing zip postal code',
  ],
  city: [
    'city',
    'town',
    'mailing city',
    'business city',
    'address 1 city',
    'kaupunki',
    'postitoimipaikka',
    'paikkakunta',
    'kunta',
    'billing city',
  ],
  country: [
    'country',
    'country region',
    'mailing country',
    'business country region',
    'address 1 country',
    'maa',
    'billing country',
  ],
  lifecycleStage: ['lifecycle stage', 'stage', 'elinkaaren vaihe', 'vaihe'],
  companyName: [
    'company',
    'company name',
    'organization',
    'organisation',
    'account name',
    'account',
    'organization 1 name',
    'organization name',
    'yritys',
    'yrityksen nimi',
    'yhtiö',
    'organisaatio',
    'firma',
    'asiakas',
  ],
  businessId: [
    'y tunnus',
    'ytunnus',
    'business id',
    'business identity code',
    'company id',
    'registration number',
    'org nr',
    'organisationsnummer',
  ],
  vatId: ['vat', 'vat id', 'vat number', 'alv tunnus', 'alv numero', 'vat no'],
  domain: [
    'domain',
    'website',
    'web site',
    'company domain name',
    'website url',
    'www',
    'url',
    'kotisivu',
    'verkkosivu',
    'verkkosivut',
    'web',
  ],
  industry: ['industry', 'toimiala', 'ala'],
  tier: ['tier', 'luokka', 'asiakasluokka'],
  owner: [
    'owner',
    'contact owner',
    'account owner',
    'record owner',
    'omistaja',
    'vastuuhenkilö',
    'myyjä',
    'owner email',
  ],
  tags: [
    'tags',
    'labels',
    'label',
    'categories',
    'category',
    'group membership',
    'tagit',
    'tunnisteet',
    'ryhmät',
  ],
  ignore: [],
}

const prefix = /^(person|organization|organisation|deal|contact|account)\s*-\s*/

export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(prefix, '')
    .replace(/^\*\s*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const lookup = new Map<string, { field: ImportField; rank: number }>()
for (const [field, list] of Object.entries(names) as [ImportField, string[]][])
  list.forEach((n, rank) => lookup.set(normalizeHeader(n), { field, rank }))

export type CustomFieldRef = { key: string; labelFi: string; labelEn: string }

/**
 * Suggests a field for each header. Each field goes to one column: the one whose name is the
 * stronger synonym ("Job Title" beats Outlook's salutation "Title"), then the first; a second
 * email or phone column goes to email2 / phone2.
 */
export function suggestMapping(headers: string[], custom: CustomFieldRef[] = []): ImportMapping {
  const customByName = new Map<string, string>()
  for (const c of custom)
    for (const n of [c.key, c.labelFi, c.labelEn]) customByName.set(normalizeHeader(n), c.key)
  const found = headers.map((h, index) => {
    const n = normalizeHeader(h.replace(/\s*\(\d+\)$/, ''))
    const hit = lookup.get(n)
    if (hit) return { h, index, target: hit.field as string, rank: hit.rank }
    const key = customByName.get(n)
    return { h, index, target: key ? `custom.${key}` : 'ignore', rank: 0 }
  })
  const order = [...found].sort((a, b) => a.rank - b.rank || a.index - b.index)
  const used = new Set<string>()
  const out: ImportMapping = {}
  for (const f of order) {
    let target = f.target
    if (used.has(target) && target === 'email') target = 'email2'
    if (used.has(target) && target === 'phone') target = 'phone2'
    if (target !== 'ignore' && used.has(target)) target = 'ignore'
    if (target !== 'ignore') used.add(target)
    out[f.h] = target as ImportMapping[string]
  }
  return Object.fromEntries(headers.map((h) => [h, out[h] ?? 'ignore']))
}
