import { useTranslation } from 'react-i18next'
import type { CustomField, CustomFieldObject } from '../../../shared/custom-fields.schema'
import { InlineField } from '../../components/ui/inline-field'
import { formatMoney } from '../../lib/format'
import { useMe } from '../auth/auth.queries'
import { customFieldLabel, useCustomFields } from './custom-fields.queries'
import { customOptions, customText, customValue } from './custom-values'

function display(field: CustomField, value: unknown): string | undefined {
  if (field.type !== 'money' || typeof value !== 'object' || value === null) return undefined
  const m = value as { amount?: number; currency?: string }
  return formatMoney(m.amount ?? 0, m.currency ?? 'EUR')
}

type Props = {
  objectType: CustomFieldObject
  values: Record<string, unknown>
  onSave: (custom: Record<string, unknown>) => Promise<unknown>
}

/** The workspace's custom fields of a record, each editable in place like the key fields. */
export function CustomDetails({ objectType, values, onSave }: Props) {
  const { t, i18n } = useTranslation()
  const fields = useCustomFields(objectType)
  const currency = useMe().data?.workspace.currency ?? 'EUR'
  const yesNo: [string, string] = [t('common.yes'), t('common.no')]
  return fields.map((f) => {
    const options = customOptions(f, i18n.language, yesNo)
    const text = customText(f, values[f.key])
    return (
      <InlineField
        key={f.id}
        name={`custom.${f.key}`}
        label={customFieldLabel(f, i18n.language)}
        value={text}
        display={display(f, values[f.key]) ?? options?.find((o) => o.value === text)?.label}
        options={options}
        onSave={(v) => onSave({ [f.key]: customValue(f, v, currency) })}
      />
    )
  })
}
