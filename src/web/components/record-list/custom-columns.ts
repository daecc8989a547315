import type { CustomField } from '../../../shared/custom-fields.schema'
import { formatMoney } from '../../lib/format'
import type { ColumnSpec, Row } from './list-types'

const filterTypes = {
  number: 'number',
  money: 'number',
  date: 'date',
  select: 'select',
  multi_select: 'select',
  boolean: 'select',
} as const

/** Columns for the workspace's custom fields, addressed as `custom.<key>` by the API. */
export function customColumns<T extends Row & { custom?: Record<string, unknown> }>(
  fields: CustomField[],
  lang: string,
  yesNo: [string, string],
): ColumnSpec<T>[] {
  return fields.map((f) => {
    const options =
      f.type === 'boolean'
        ? [
            { value: 'true', label: yesNo[0] },
            { value: 'false', label: yesNo[1] },
          ]
        : f.options.map((o) => ({ value: o.value, label: lang === 'en' ? o.labelEn : o.labelFi }))
    return {
      id: `custom.${f.key}`,
      label: lang === 'en' ? f.labelEn : f.labelFi,
      value: (row: T) => displayCustom(f, row.custom?.[f.key], options),
      isSortable: f.type !== 'multi_select',
      isHiddenByDefault: true,
      filter: {
        type: filterTypes[f.type as keyof typeof filterTypes] ?? 'text',
        // No options (text, number…): the filter value is typed, not picked from an empty list.
        options: options.length ? options : undefined,
      },
    }
  })
}

function displayCustom(
  field: CustomField,
  value: unknown,
  options: { value: string; label: string }[],
): unknown {
  if (value === null || value === undefined) return ''
  const label = (v: unknown) => options.find((o) => o.value === String(v))?.label ?? String(v)
  if (Array.isArray(value)) return value.map(label).join(', ')
  if (field.type === 'money' && typeof value === 'object') {
    const m = value as { amount?: number; currency?: string }
    return formatMoney(m.amount ?? 0, m.currency ?? 'EUR')
  }
  if (field.type === 'select' || field.type === 'boolean') return label(value)
  return value
}
