import { List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TimelineEvent } from '../../../shared/common.schema'
import { formatValue } from '../../lib/format'
import { useUsers } from '../users/users.queries'

/** "Field: old → new" for each change of an update event, values as the UI shows them. */
export function FieldChanges({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation()
  const { byId } = useUsers()
  if (!event.changes?.length) return null

  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return `(${t('record.empty')})`
    if (field === 'lifecycleStage') return t(`stages.${String(v)}`)
    if (field === 'ownerId' || field === 'assigneeId') return byId.get(String(v))?.name ?? String(v)
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no')
    return formatValue(v)
  }
  return (
    <List size="sm" spacing={2} my={4}>
      {event.changes.map((c) => (
        <List.Item key={c.field}>
          <Text span size="sm" fw={500}>
            {t(`fields.${c.field}`, { defaultValue: c.field })}:
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
