import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChecklist, IconPlus, IconSearchOff } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { notifyError } from '../../lib/problems'
import { useMe } from '../auth/auth.queries'
import { useUsers } from '../users/users.queries'
import { useActivityPages, useToggleDone } from './activities.queries'
import { ActivityDrawer } from './activity-drawer'
import {
  ActivityFilters,
  readActivityFilters,
  toListParams,
  writeActivityFilters,
} from './activity-filters'
import { ActivityRow } from './activity-row'
import { NewActivityModal } from './new-activity-modal'

export default function ActivitiesPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const search = params.toString()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity
  const filters = useMemo(() => readActivityFilters(params), [search])
  const openId = params.get('id')
  const list = useActivityPages(useMemo(() => toListParams(filters), [filters]))
  const toggle = useToggleDone()
  const me = useMe()
  const { users, byId } = useUsers()
  const [isCreating, setCreating] = useState(false)
  const highlighted = useRef<HTMLDivElement>(null)
  const isLoaded = list.rows.some((a) => a.id === openId)

  // A search result links here with ?id=: the row is brought into view when it is in the list.
  useEffect(() => {
    if (isLoaded) highlighted.current?.scrollIntoView({ block: 'center' })
  }, [isLoaded, openId])

  const setOpen = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (id) next.set('id', id)
        else next.delete('id')
        return next
      },
      { replace: id === null },
    )
  const toggleDone = (id: string, done: boolean) =>
    toggle.mutate(
      { id, done },
      {
        onSuccess: () =>
          notifications.show({
            message: done ? t('activities.completed') : t('activityList.reopened'),
          }),
        onError: (e) => notifyError(e, t('common.error')),
      },
    )
  const nameOf = (id: string | null) => (id ? byId.get(id)?.name : undefined)
  const isFiltered = search.replace(/(^|&)id=[^&]*/, '') !== ''

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('activities.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('activityList.new')}
        </Button>
      </Group>
      <ActivityFilters
        value={filters}
        users={users}
        onChange={(f) => setParams((prev) => writeActivityFilters(prev, f))}
      />
      {list.isPending ? (
        <PageSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.rows.length === 0 ? (
        isFiltered ? (
          <EmptyHint icon={<IconSearchOff />} title={t('activityList.noMatches')} hint="" />
        ) : (
          <EmptyHint
            icon={<IconChecklist />}
            title={t('activities.emptyTitle')}
            hint={t('activities.emptyHint')}
          />
        )
      ) : (
        <Stack gap="xs" component="section" aria-label={t('activities.title')}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('activityList.showing', { count: list.rows.length })}
          </Text>
          {list.rows.map((a) => (
            <ActivityRow
              key={a.id}
              ref={a.id === openId ? highlighted : undefined}
              activity={a}
              assigneeName={nameOf(a.assigneeId)}
              isHighlighted={a.id === openId}
              onToggleDone={(done) => toggleDone(a.id, done)}
              onOpen={() => setOpen(a.id)}
            />
          ))}
          {list.hasNextPage && (
            <Button
              variant="default"
              w="fit-content"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <ActivityDrawer
        id={openId}
        assigneeName={nameOf}
        onToggleDone={toggleDone}
        onClose={() => setOpen(null)}
      />
      {isCreating && (
        <NewActivityModal
          users={users}
          myId={me.data?.user.id}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  )
}
