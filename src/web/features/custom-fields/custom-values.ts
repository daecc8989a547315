import type { CustomField } from '../../../shared/custom-fields.schema'

/** A stored custom value as the text an input shows. */
export function customText(field: CustomField, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (field.type === 'money' && typeof value === 'object') {
    const amount = (value as { amount?: number }).amount ?? 0
    return String(amount / 100)
  }
  if (Array.isArray(value)) return value.join(',')
  return String(value)
}

/**
 * What the API takes for a field from the text of an input: numbers as numbers, money in cents
 * with the workspace currency, yes/no as booleans, multi-select as a list. Empty clears it.
 */
export function customValue(field: CustomField, text: string | null, currency: string): unknown {
  if (text === null || text.trim() === '') return null
  const t = text.trim()
  switch (field.type) {
    case 'number':
      return toNumber(t) ?? t
    case 'money': {
      const n = toNumber(t)
      return n === undefined ? t : { amount: Math.round(n * 100), currency }
    }
    case 'boolean':
      return t === 'true'
    case 'multi_select':
      return t.split(',').filter(Boolean)
    default:
      return t
  }
}

// Accepts 12 500,50 and 12500.50 alike. Text that is no number is sent as it is, so the server
// names the field in its validation error.
function toNumber(text: string): number | undefined {
  const n = Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'))
  return Number.isFinite(n) ? n : undefined
}

export function customOptions(field: CustomField, lang: string, yesNo: [string, string]) {
  if (field.type === 'boolean')
    return [
      { value: 'true', label: yesNo[0] },
      { value: 'false', label: yesNo[1] },
    ]
  if (field.type !== 'select') return undefined
  return field.options.map((o) => ({
    value: o.value,
    label: lang === 'en' ? o.labelEn : o.labelFi,
  }))
}
