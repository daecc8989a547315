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
  if (typeof value === 'object') return isNamed(value) ? value.name : JSON.stringify(value)
  return String(value)
}

function isNamed(v: unknown): v is { name: string } {
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string'
}
