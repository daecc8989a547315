import { SegmentedControl, Stack, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChecklist } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listActivities } from '../../../shared/activities.api'
import type { ListParams } from '../../../shared/api-client'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'
import { TaskRow } from '../my-day/task-row'
import { useUpdateActivity } from './activities.queries'

type View = 'open' | 'all'
const params: Record<View, ListParams> = {
  open: { filter: { type: { eq: 'task' }, done: { eq: 'false' } }, sort: 'dueAt', limit: 200 },
  all: { sort: '-createdAt', limit: 200 },
}

export default function ActivitiesPage() {
  const { t } = useTranslation()
  const [view, setView] = useState<View>('open')
  const list = useQuery({
    queryKey: ['activities', view],
    queryFn: () => listActivities(api, params[view]),
  })
  const update = useUpdateActivity()

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('activities.title')}
      </Title>
      <SegmentedControl
        w="fit-content"
        aria-label={t('activities.title')}
        value={view}
        onChange={(v) => setView(v === 'all' ? 'all' : 'open')}
        data={[
          { value: 'open', label: t('activities.openTasks') },
          { value: 'all', label: t('activities.all') },
        ]}
      />
      {list.isPending ? (
        <PageSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.data.length === 0 ? (
        <EmptyHint
          icon={<IconChecklist />}
          title={t('activities.emptyTitle')}
          hint={t('activities.emptyHint')}
        />
      ) : (
        list.data.data.map((a) => (
          <TaskRow
            key={a.id}
            task={a}
            onComplete={
              a.type === 'task' && !a.done
                ? () =>
                    update.mutate(
                      { id: a.id, input: { done: true } },
                      {
                        onSuccess: () => notifications.show({ message: t('activities.completed') }),
                        onError: (e) => notifyError(e, t('common.error')),
                      },
                    )
                : undefined
            }
          />
        ))
      )}
    </Stack>
  )
}
