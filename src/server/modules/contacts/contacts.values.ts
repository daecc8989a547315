import type { Contact, ContactUpdate } from '../../../shared/contacts.schema'
import type { CustomField } from '../../../shared/custom-fields.schema'
import { normalizeEmail, phoneForms } from '../../../shared/validators'
import { fieldError } from '../../errors'
import { validateCustomValues } from '../custom-fields/custom-values'
import { prefixPaths } from '../companies/companies.service'
import { toSource, type ContactValues } from './contacts.repo'

// Turning a create or patch into the values that are stored: emails lowercased with exactly one
// primary, phones in E.164, source with every key, custom values checked against definitions.

const emptyValues: ContactValues = {
  firstName: null,
  lastName: null,
  emails: [],
  phones: [],
  title: null,
  language: null,
  birthDate: null,
  gender: null,
  interests: [],
  address: null,
  lifecycleStage: null,
  ownerId: null,
  source: toSource({}),
  custom: {},
}

export function normalizeEmails(input: NonNullable<ContactUpdate['emails']>): Contact['emails'] {
  const emails = input.map((e) => ({
    address: normalizeEmail(e.address),
    label: e.label || null,
    primary: e.primary === true,
  }))
  // The schema allows at most one primary; with none marked the first one is primary.
  const first = emails[0]
  if (first && !emails.some((e) => e.primary)) first.primary = true
  return emails
}

export function normalizePhones(input: NonNullable<ContactUpdate['phones']>): Contact['phones'] {
  // The schema accepted only numbers normalizePhone can read, so the fallback never applies.
  return input.map((p) => ({
    number: phoneForms(p.number).e164 ?? p.number,
    label: p.label || null,
  }))
}

const blank = (v: string | null | undefined) => (v ? v : null)

/** Applies a create or patch onto the stored values; `pathPrefix` names bulk records. */
export function mergeValues(
  input: ContactUpdate,
  existing: ContactValues | undefined,
  defs: CustomField[],
  pathPrefix: string,
): ContactValues {
  const base = existing ?? emptyValues
  const pick = <K extends keyof ContactValues>(key: K, value: ContactValues[K] | undefined) =>
    value === undefined ? base[key] : value
  const text = <K extends keyof ContactValues>(key: K, value: string | null | undefined) =>
    value === undefined ? base[key] : blank(value)
  let custom: Record<string, unknown>
  try {
    custom = validateCustomValues(defs, input.custom, existing?.custom)
  } catch (err) {
    throw prefixPaths(err, pathPrefix)
  }
  const values: ContactValues = {
    firstName: text('firstName', input.firstName) as string | null,
    lastName: text('lastName', input.lastName) as string | null,
    emails: input.emails === undefined ? base.emails : normalizeEmails(input.emails),
    phones: input.phones === undefined ? base.phones : normalizePhones(input.phones),
    title: text('title', input.title) as string | null,
    language: text('language', input.language) as string | null,
    birthDate: pick('birthDate', input.birthDate),
    gender: text('gender', input.gender) as string | null,
    interests: pick('interests', input.interests),
    address: pick('address', input.address),
    lifecycleStage: pick('lifecycleStage', input.lifecycleStage),
    ownerId: pick('ownerId', input.ownerId),
    source: input.source === undefined ? base.source : toSource(input.source),
    custom,
  }
  if (!values.firstName && !values.lastName && values.emails.length === 0)
    throw fieldError(`${pathPrefix}lastName`, 'name_or_email_required')
  return values
}
