import { emailSchema, lifecycleStages, tiers } from '../../../shared/common.schema'
import type { ImportProblem } from '../../../shared/import-problems'
import type { CustomField } from '../../../shared/custom-fields.schema'
import type { ImportMapping } from '../../../shared/imports.schema'
import {
  normalizeBusinessId,
  normalizeDomain,
  normalizeEmail,
  phoneForms,
} from '../../../shared/validators'
import { parseDate, parseNumber } from './parse-values'

// One file row → the values of a contact and/or a company, with a problem per unreadable cell
// (a stable code with the column, field and value; the text is written in the reader's language
// when it is shown). Cells are checked with the same validators as the API (email, phone,
// business ID, domain).

export type CellIssue = ImportProblem & { column: string }

export type RowValues = {
  contact: {
    firstName: string | null
    lastName: string | null
    emails: string[]
    phones: string[]
    title: string | null
    birthDate: string | null
    language: string | null
    lifecycleStage: string | null
    address: {
      street: string | null
      postalCode: string | null
      city: string | null
      country: string | null
    } | null
  }
  company: {
    name: string | null
    businessId: string | null
    vatId: string | null
    domain: string | null
    industry: string | null
    tier: string | null
  }
  ownerEmail: string | null
  tags: string[]
  custom: Record<string, unknown>
  issues: CellIssue[]
}

function customValue(def: CustomField, text: string): unknown {
  switch (def.type) {
    case 'number':
      return parseNumber(text) ?? text
    case 'date':
      return parseDate(text) ?? text
    case 'boolean':
      return /^(1|true|yes|kyllä|k|x)$/i.test(text)
        ? true
        : /^(0|false|no|ei|e)$/i.test(text)
          ? false
          : text
    case 'multi_select':
      return text
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean)
    case 'money': {
      const n = parseNumber(text.replace(/[€$£]|EUR/gi, ''))
      return n === null ? text : { amount: n, currency: 'EUR' }
    }
    default:
      return text
  }
}

export function rowValues(
  headers: string[],
  cells: string[],
  mapping: ImportMapping,
  customDefs: CustomField[],
): RowValues {
  const v: RowValues = {
    contact: {
      firstName: null,
      lastName: null,
      emails: [],
      phones: [],
      title: null,
      birthDate: null,
      language: null,
      lifecycleStage: null,
      address: null,
    },
    company: {
      name: null,
      businessId: null,
      vatId: null,
      domain: null,
      industry: null,
      tier: null,
    },
    ownerEmail: null,
    tags: [],
    custom: {},
    issues: [],
  }
  const addr = {
    street: null as string | null,
    postalCode: null as string | null,
    city: null as string | null,
    country: null as string | null,
  }
  let fullName: string | null = null
  headers.forEach((column, i) => {
    const target = mapping[column] ?? 'ignore'
    // A failed-rows CSV neutralised formula-like cells with a ' prefix; take it off again.
    const text = (cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '')
    if (!text || target === 'ignore') return
    const issue = (code: string, params?: ImportProblem['params']) =>
      v.issues.push({ code, column, field: target, value: text, ...(params ? { params } : {}) })
    switch (target) {
      case 'firstName':
        v.contact.firstName = text
        break
      case 'lastName':
        v.contact.lastName = text
        break
      case 'fullName':
        fullName = text
        break
      case 'email':
      case 'email2':
        if (emailSchema.safeParse(text).success) v.contact.emails.push(normalizeEmail(text))
        else issue('invalid_email')
        break
      case 'phone':
      case 'phone2': {
        const p = phoneForms(text).e164
        if (p) v.contact.phones.push(p)
        else issue('invalid_phone')
        break
      }
      case 'title':
        v.contact.title = text
        break
      case 'language':
        v.contact.language = text
        break
      case 'birthDate':
        v.contact.birthDate = parseDate(text)
        if (!v.contact.birthDate) issue('invalid_date')
        break
      case 'lifecycleStage':
        if ((lifecycleStages as readonly string[]).includes(text.toLowerCase()))
          v.contact.lifecycleStage = text.toLowerCase()
        else issue('invalid_lifecycle_stage', { allowed: lifecycleStages.join(', ') })
        break
      case 'street':
        addr.street = text
        break
      case 'postalCode':
        addr.postalCode = text
        break
      case 'city':
        addr.city = text
        break
      case 'country':
        addr.country = text
        break
      case 'companyName':
        v.company.name = text
        break
      case 'businessId':
        v.company.businessId = normalizeBusinessId(text)
        if (!v.company.businessId) issue('invalid_business_id')
        break
      case 'vatId':
        v.company.vatId = text
        break
      case 'domain':
        v.company.domain = normalizeDomain(text)
        if (!v.company.domain) issue('invalid_domain')
        break
      case 'industry':
        v.company.industry = text
        break
      case 'tier':
        if ((tiers as readonly string[]).includes(text.toUpperCase()))
          v.company.tier = text.toUpperCase()
        else issue('invalid_tier', { allowed: tiers.join(', ') })
        break
      case 'owner':
        v.ownerEmail = normalizeEmail(text)
        break
      case 'tags':
        v.tags.push(
          ...text
            .split(/[;,]/)
            .map((t) => t.replace(/^\*\s*/, '').trim())
            .filter(Boolean),
        )
        break
      default: {
        const key = target.slice('custom.'.length)
        const def = customDefs.find((d) => d.key === key)
        if (def) v.custom[key] = customValue(def, text)
        else issue('unknown_custom_field', { key })
      }
    }
  })
  if (fullName && !v.contact.firstName && !v.contact.lastName) {
    const parts = (fullName as string).split(/\s+/)
    v.contact.lastName = parts.pop() ?? null
    v.contact.firstName = parts.length ? parts.join(' ') : null
  }
  if (addr.street || addr.postalCode || addr.city || addr.country) v.contact.address = addr
  v.contact.emails = [...new Set(v.contact.emails)]
  v.contact.phones = [...new Set(v.contact.phones)]
  return v
}
