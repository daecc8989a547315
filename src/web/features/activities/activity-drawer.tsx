import { Anchor, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { getActivity } from '../../../shared/activities.api'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { isOverdue } from './activity-row'

type Props = {
  id: string | null
  assigneeName: (id: string | null) => string | undefined
  onToggleDone: (id: string, done: boolean) => void
  onClose: () => void
}

/** One activity in full, opened from the list or from a search result (`?id=`). */
export function ActivityDrawer({ id, assigneeName, onToggleDone, onClose }: Props) {
  const { t } = useTranslation()
  const activity = useQuery({
    queryKey: ['activity', id],
    queryFn: () => getActivity(api, id ?? ''),
    enabled: id !== null,
  })
  const a = activity.data
  const record = a?.contactId
    ? `/contacts/${a.contactId}`
    : a?.companyId
      ? `/companies/${a.companyId}`
      : null
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      title={t('activityList.details')}
    >
      {activity.isPending ? (
        <PageSkeleton />
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      ) : a ? (
        <Stack>
          <Text fw={600} size="lg">
            {a.subject}
          </Text>
          <Group gap="xs">
            <Badge variant="light">{t(`activities.types.${a.type}`)}</Badge>
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
          <Text size="sm">
            {a.type === 'task' ? t('activities.dueAt') : t('activities.occurredAt')}:{' '}
            {formatDateTime(a.type === 'task' ? a.dueAt : a.occurredAt)}
          </Text>
          <Text size="sm">
            {t('activityList.assignee')}: {assigneeName(a.assigneeId) ?? t('common.none')}
          </Text>
          {a.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.body}
            </Text>
          )}
          {record && (
            <Anchor component={Link} to={record} size="sm">
              {t('activityList.openRecord')}
            </Anchor>
          )}
          {a.type === 'task' && (
            <Button w="fit-content" variant="light" onClick={() => onToggleDone(a.id, !a.done)}>
              {a.done ? t('activityList.reopen') : t('activities.complete')}
            </Button>
          )}
        </Stack>
      ) : null}
    </Drawer>
  )
}
