import { Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ColumnSpec, FilterRow, Row } from './list-types'

// Dropdowns stay inside the popover: a portalled one would count as a click outside and close it.
const inPopover = { withinPortal: false }

const inputTypes = { date: 'date', number: 'number' } as const

/** The value part of a filter row: yes/no for "is empty", a list for options, else text. */
export function FilterValueInput<T extends Row>(props: {
  row: FilterRow
  spec: ColumnSpec<T> | undefined
  onChange: (value: string) => void
  onEnter: () => void
}) {
  const { t } = useTranslation()
  const { row, spec } = props
  const common = { 'aria-label': t('list.value'), style: { flex: 1 } }
  if (row.op === 'empty')
    return (
      <Select
        {...common}
        comboboxProps={inPopover}
        data={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        value={row.value || 'true'}
        onChange={(v) => props.onChange(v ?? 'true')}
      />
    )
  if (spec?.filter?.options && row.op !== 'in')
    return (
      <Select
        {...common}
        comboboxProps={inPopover}
        data={spec.filter.options}
        value={row.value || null}
        onChange={(v) => props.onChange(v ?? '')}
      />
    )
  const type = spec?.filter?.type
  return (
    <TextInput
      {...common}
      placeholder={t('list.value')}
      type={type === 'date' || type === 'number' ? inputTypes[type] : 'text'}
      value={row.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && props.onEnter()}
    />
  )
}
