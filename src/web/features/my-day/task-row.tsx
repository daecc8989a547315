import { ActionIcon, Anchor, Checkbox, Group, Menu, Paper, Stack, Text } from '@mantine/core'
import { IconCalendarTime } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Activity } from '../../../shared/activities.schema'
import { formatDateTime } from '../../lib/format'

function at(daysAhead: number, hour = 9): string {
  const d = new Date()
  d.setDate(d.getDate() + daysAhead)
  d.setHours(hour, 0, 0, 0)
  return d.toISOString()
}

function nextMonday(): number {
  const day = new Date().getDay()
  return (8 - day) % 7 || 7
}

type Props = {
  task: Activity
  onComplete?: () => void
  onReschedule?: (dueAt: string) => void
}

/** One task or meeting, with done and reschedule actions for tasks. */
export function TaskRow({ task, onComplete, onReschedule }: Props) {
  const { t } = useTranslation()
  const when = task.type === 'task' ? task.dueAt : task.occurredAt
  const record = task.contactId
    ? `/contacts/${task.contactId}`
    : task.companyId
      ? `/companies/${task.companyId}`
      : null
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          {onComplete && (
            <Checkbox
              aria-label={`${t('activities.complete')}: ${task.subject}`}
              onChange={onComplete}
            />
          )}
          <Stack gap={0}>
            {record ? (
              <Anchor component={Link} to={record} size="sm" fw={500}>
                {task.subject}
              </Anchor>
            ) : (
              <Text size="sm" fw={500}>
                {task.subject}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t(`activities.types.${task.type}`)} · {formatDateTime(when)}
            </Text>
          </Stack>
        </Group>
        {onReschedule && (
          <Menu withinPortal position="bottom-end">
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`${t('activities.reschedule')}: ${task.subject}`}
              >
                <IconCalendarTime size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onReschedule(at(0, new Date().getHours() + 2))}>
                {t('myDay.laterToday')}
              </Menu.Item>
              <Menu.Item onClick={() => onReschedule(at(1))}>{t('myDay.tomorrow')}</Menu.Item>
              <Menu.Item onClick={() => onReschedule(at(nextMonday()))}>
                {t('myDay.nextWeek')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  )
}
