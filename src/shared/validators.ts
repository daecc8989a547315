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

/** E.164 form of a phone number; numbers without a country code are read as Finnish. */
export function normalizePhone(input: string, defaultCountry: 'FI' = 'FI'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry)
  if (!parsed || !parsed.isValid()) return null
  return parsed.number
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
