import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Activity } from '../../../shared/activities.schema'
import { formatDateTime } from '../../lib/format'

type Props = {
  activity: Activity
  assigneeName: string | undefined
  isHighlighted: boolean
  onToggleDone: (done: boolean) => void
  onOpen: () => void
}

export const isOverdue = (a: Activity) =>
  a.type === 'task' && !a.done && a.dueAt !== null && new Date(a.dueAt) < new Date()

/** One activity in the list; a task has its done box right here, so it completes in place. */
export const ActivityRow = forwardRef<HTMLDivElement, Props>(function ActivityRow(props, ref) {
  const { activity: a, isHighlighted } = props
  const { t } = useTranslation()
  const when = a.type === 'task' ? a.dueAt : a.occurredAt
  return (
    <Paper
      ref={ref}
      withBorder
      p="xs"
      bd={isHighlighted ? '2px solid var(--mantine-color-anchor)' : undefined}
      aria-current={isHighlighted || undefined}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          {a.type === 'task' && (
            <Checkbox
              aria-label={`${a.done ? t('activityList.reopen') : t('activities.complete')}: ${a.subject}`}
              checked={a.done}
              onChange={(e) => props.onToggleDone(e.currentTarget.checked)}
            />
          )}
          <Stack gap={0}>
            <UnstyledButton onClick={props.onOpen}>
              <Anchor component="span" size="sm" fw={500} td={a.done ? 'line-through' : undefined}>
                {a.subject}
              </Anchor>
            </UnstyledButton>
            <Text size="xs" c="dimmed">
              {t(`activities.types.${a.type}`)}
              {when ? ` · ${formatDateTime(when)}` : ''}
              {props.assigneeName ? ` · ${props.assigneeName}` : ''}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {isOverdue(a) && (
            <Badge color="red" variant="light">
              {t('activityList.overdue')}
            </Badge>
          )}
          {a.type === 'task' && a.done && (
            <Badge color="green" variant="light">
              {t('activityList.done')}
            </Badge>
          )}
        </Group>
      </Group>
    </Paper>
  )
})
