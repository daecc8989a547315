import { List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TimelineEvent } from '../../../shared/common.schema'
import { formatValue } from '../../lib/format'
import { customFieldLabel, useCustomFields } from '../custom-fields/custom-fields.queries'
import { useUsers } from '../users/users.queries'

type Change = { field: string; old: unknown; new: unknown }

/** One change per custom field key, from a change of the whole `custom` object. */
function customChanges(before: unknown, after: unknown): Change[] {
  const o = (before ?? {}) as Record<string, unknown>
  const n = (after ?? {}) as Record<string, unknown>
  return [...new Set([...Object.keys(o), ...Object.keys(n)])]
    .filter((k) => JSON.stringify(o[k]) !== JSON.stringify(n[k]))
    .map((k) => ({ field: `custom.${k}`, old: o[k], new: n[k] }))
}

/** "Field: old → new" for each change of an update event, values as the UI shows them. */
export function FieldChanges({ event }: { event: TimelineEvent }) {
  const { t, i18n } = useTranslation()
  const { byId } = useUsers()
  const customFields = useCustomFields(event.objectType === 'contact' ? 'contact' : 'company')
  if (!event.changes?.length) return null
  const changes = event.changes.flatMap((c) =>
    c.field === 'custom' ? customChanges(c.old, c.new) : [c],
  )

  const labelOf = (field: string) => {
    const custom = customFields.find((f) => `custom.${f.key}` === field)
    return custom
      ? customFieldLabel(custom, i18n.language)
      : t(`fields.${field}`, { defaultValue: field })
  }
  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return `(${t('record.empty')})`
    if (field === 'lifecycleStage') return t(`stages.${String(v)}`)
    if (field === 'ownerId' || field === 'assigneeId') return byId.get(String(v))?.name ?? String(v)
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no')
    return formatValue(v)
  }
  return (
    <List size="sm" spacing={2} my={4}>
      {changes.map((c) => (
        <List.Item key={c.field}>
          <Text span size="sm" fw={500}>
            {labelOf(c.field)}:
          </Text>{' '}
          <Text span size="sm" c="dimmed" td="line-through">
            {show(c.field, c.old)}
          </Text>{' '}
          →{' '}
          <Text span size="sm">
            {show(c.field, c.new)}
          </Text>
        </List.Item>
      ))}
    </List>
  )
}
