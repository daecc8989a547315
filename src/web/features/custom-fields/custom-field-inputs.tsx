import { MultiSelect, Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CustomField, CustomFieldObject } from '../../../shared/custom-fields.schema'
import { useMe } from '../auth/auth.queries'
import { customFieldLabel, useCustomFields } from './custom-fields.queries'
import { customOptions, customValue } from './custom-values'

// Numbers are text with a decimal keypad: a Finnish user writes 12 500,50, which a number input
// would refuse.
const inputTypes: Partial<Record<CustomField['type'], string>> = {
  date: 'date',
  email: 'email',
  url: 'url',
  phone: 'tel',
}

type Props = {
  objectType: CustomFieldObject
  texts: Record<string, string>
  onChange: (texts: Record<string, string>) => void
  errorOf: (key: string) => string | undefined
}

/** Inputs for the workspace's custom fields in a create form; values are kept as text. */
export function CustomFieldInputs({ objectType, texts, onChange, errorOf }: Props) {
  const { t, i18n } = useTranslation()
  const fields = useCustomFields(objectType)
  const yesNo: [string, string] = [t('common.yes'), t('common.no')]
  return fields.map((f) => {
    const common = {
      label: customFieldLabel(f, i18n.language),
      required: f.isRequired,
      error: errorOf(f.key),
    }
    const set = (v: string) => onChange({ ...texts, [f.key]: v })
    const text = texts[f.key] ?? ''
    if (f.type === 'multi_select')
      return (
        <MultiSelect
          key={f.id}
          {...common}
          data={f.options.map((o) => ({
            value: o.value,
            label: i18n.language === 'en' ? o.labelEn : o.labelFi,
          }))}
          value={text ? text.split(',') : []}
          onChange={(v) => set(v.join(','))}
        />
      )
    const options = customOptions(f, i18n.language, yesNo)
    if (options)
      return (
        <Select
          key={f.id}
          {...common}
          data={options}
          value={text || null}
          onChange={(v) => set(v ?? '')}
          clearable
        />
      )
    return (
      <TextInput
        key={f.id}
        {...common}
        type={inputTypes[f.type] ?? 'text'}
        inputMode={f.type === 'number' || f.type === 'money' ? 'decimal' : undefined}
        value={text}
        onChange={(e) => set(e.currentTarget.value)}
      />
    )
  })
}

/** The API's `custom` object from the texts of the inputs; left-empty fields are not sent. */
export function useCustomValues(objectType: CustomFieldObject) {
  const fields = useCustomFields(objectType)
  const currency = useMe().data?.workspace.currency ?? 'EUR'
  return (texts: Record<string, string>) =>
    Object.fromEntries(
      fields.flatMap((f) =>
        texts[f.key] ? [[f.key, customValue(f, texts[f.key] ?? null, currency)]] : [],
      ),
    )
}
