import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

// Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit computed with the
// weights 7, 9, 10, 5, 8, 4, 2 modulo 11. A remainder of 1 is never issued.
const businessIdWeights = [7, 9, 10, 5, 8, 4, 2]

/** Accepts `1234567-8`, the old six-digit form `123456-7`, or digits without the hyphen. */
export function normalizeBusinessId(input: string): string | null {
  const compact = input.trim().replace(/\s/g, '')
  const m = /^(\d{6,7})-?(\d)$/.exec(compact)
  if (!m) return null
  const body = m[1]!.padStart(7, '0')
  const check = Number(m[2])
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * businessIdWeights[i]!, 0)
  const remainder = sum % 11
  if (remainder === 1) return null
  const expected = remainder === 0 ? 0 : 11 - remainder
  return expected === check ? `${body}-${check}` : null
}

export function isValidBusinessId(input: string): boolean {
  return normalizeBusinessId(input) !== null
}

/**
 * A phone number's stored form (E.164, null when it is not a valid number) and the digits of its
 * national form (0401234567 for +358401234567, so search finds either; null when unreadable).
 */
export type PhoneForms = { e164: string | null; nationalDigits: string | null }

// Parsing a number costs 10–40 µs, and a contact's number was parsed four or five times on its
// way in (the request schema, the stored E.164 form, the national digits of the search text,
// the check against erased people; an import's own check too): a third of a bulk-created or
// imported contact's time in Node. One parse answers all of them: recent results are kept under
// the text as given and under the E.164 form, which the later steps ask for.
const recentPhones = new Map<string, PhoneForms>()
const recentPhonesLimit = 20_000

/** The forms of a number as a person typed it; without a country code it is read as Finnish. */
export function phoneForms(input: string): PhoneForms {
  const text = input.trim()
  const known = recentPhones.get(text)
  if (known) return known
  const parsed = parsePhoneNumberFromString(text, 'FI')
  const forms: PhoneForms = {
    e164: parsed?.isValid() ? parsed.number : null,
    nationalDigits: parsed ? parsed.formatNational().replace(/\D/g, '') : null,
  }
  if (recentPhones.size >= recentPhonesLimit) recentPhones.clear()
  recentPhones.set(text, forms)
  if (forms.e164) recentPhones.set(forms.e164, forms)
  return forms
}

/** E.164 form of a phone number; numbers without a country code are read as Finnish. */
export function normalizePhone(input: string): string | null {
  return phoneForms(input).e164
}

export function normalizeDomain(input: string): string | null {
  let s = input.trim().toLowerCase()
  s = s
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(s) ? s : null
}

export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase()
}
