import { currentLanguage } from '../i18n/i18n'

const locales = { fi: 'fi-FI', en: 'en-GB' } as const

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(locales[currentLanguage()], {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Date(iso).toLocaleDateString(locales[currentLanguage()], { dateStyle: 'medium' })
}

/** A value of any field as short text, for tables, timelines and CSV. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value))
    return value.map((v) => (isNamed(v) ? v.name : formatValue(v))).join(', ')
  if (typeof value === 'object') return describeObject(value as Record<string, unknown>)
  return String(value)
}

// Emails, phones and addresses are objects in the API; show what a person would read.
function describeObject(v: Record<string, unknown>): string {
  if (isNamed(v)) return v.name
  if (typeof v.amount === 'number' && typeof v.currency === 'string')
    return formatMoney(v.amount, v.currency)
  if (typeof v.address === 'string') return v.address
  if (typeof v.number === 'string') return v.number
  const address = [v.street, v.postalCode, v.city, v.country].filter((p) => typeof p === 'string')
  return address.length ? address.join(' ') : JSON.stringify(v)
}

function isNamed(v: unknown): v is { name: string } {
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string'
}

/** Integer minor units as money in the UI language, e.g. 1250050 EUR → 12 500,50 €. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(locales[currentLanguage()], { style: 'currency', currency }).format(
    amount / 100,
  )
}
