import { Anchor, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Activity } from '../../../shared/activities.schema'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { notifyError } from '../../lib/problems'
import { readRecent, recentPath } from '../../lib/recent'
import { useChangeTask, useMyDay } from './my-day.queries'
import { TaskRow } from './task-row'

function Section({
  title,
  empty,
  children,
}: {
  title: string
  empty: string
  children: ReactNode[]
}) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children.length ? (
        children
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Stack>
  )
}

export default function MyDayPage() {
  const { t } = useTranslation()
  const day = useMyDay()
  const change = useChangeTask()
  const [recent] = useState(readRecent)

  if (day.isPending) return <PageSkeleton />
  if (day.isError) return <ErrorState error={day.error} onRetry={() => void day.refetch()} />
  const onError = (error: unknown) => notifyError(error, t('common.error'))
  const taskRow = (task: Activity) => (
    <TaskRow
      key={task.id}
      task={task}
      onComplete={() =>
        change.mutate(
          { id: task.id, done: true },
          { onSuccess: () => notifications.show({ message: t('activities.completed') }), onError },
        )
      }
      onReschedule={(dueAt) =>
        change.mutate(
          { id: task.id, dueAt },
          {
            onSuccess: () => notifications.show({ message: t('activities.rescheduled') }),
            onError,
          },
        )
      }
    />
  )

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('myDay.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xl">
          <Section title={t('myDay.overdue')} empty={t('myDay.noOverdue')}>
            {day.data.overdue.map(taskRow)}
          </Section>
          <Section title={t('myDay.today')} empty={t('myDay.noToday')}>
            {day.data.dueToday.map(taskRow)}
          </Section>
        </Stack>
        <Stack gap="xl">
          <Section title={t('myDay.meetings')} empty={t('myDay.noMeetings')}>
            {day.data.upcomingMeetings.map((m) => (
              <TaskRow key={m.id} task={m} />
            ))}
          </Section>
          <Section title={t('myDay.recent')} empty={t('myDay.noRecent')}>
            {recent.length
              ? [
                  <List key="recent" size="sm" spacing={4}>
                    {recent.map((r) => (
                      <List.Item key={`${r.type}-${r.id}`}>
                        <Anchor component={Link} to={recentPath(r)}>
                          {r.label}
                        </Anchor>{' '}
                        <Text span size="xs" c="dimmed">
                          {t(`search.types.${r.type}`)}
                        </Text>
                      </List.Item>
                    ))}
                  </List>,
                ]
              : []}
          </Section>
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}
