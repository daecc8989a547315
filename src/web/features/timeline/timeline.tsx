import { Anchor, Button, Group, Stack, Text, Timeline as MantineTimeline } from '@mantine/core'
import {
  IconCalendarEvent,
  IconChecklist,
  IconEdit,
  IconLink,
  IconMail,
  IconNote,
  IconPhone,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { TimelineEvent } from '../../../shared/common.schema'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { formatDateTime } from '../../lib/format'
import { useUsers } from '../users/users.queries'
import { FieldChanges } from './field-changes'

const activityIcons: Record<string, typeof IconPhone> = {
  call: IconPhone,
  meeting: IconCalendarEvent,
  note: IconNote,
  task: IconChecklist,
  email: IconMail,
}

function iconOf(e: TimelineEvent) {
  if (e.eventType === 'activity') return activityIcons[String(e.data?.type)] ?? IconNote
  if (e.eventType === 'created') return IconPlus
  if (e.eventType === 'deleted') return IconTrash
  if (e.eventType.includes('link')) return IconLink
  return IconEdit
}

type Props = {
  objectType: 'company' | 'contact' | 'deal'
  id: string
  fetch: (before?: string) => Promise<{ data: TimelineEvent[] }>
}

/** Activities and field changes of one record, newest first, with older ones on demand. */
export function Timeline({ objectType, id, fetch }: Props) {
  const { t } = useTranslation()
  const { byId } = useUsers()
  const query = useInfiniteQuery({
    queryKey: ['timeline', objectType, id],
    queryFn: ({ pageParam }) => fetch(pageParam),
    initialPageParam: undefined as string | undefined,
    // A full page means there may be more before its oldest event.
    getNextPageParam: (last) => (last.data.length >= 50 ? last.data.at(-1)?.createdAt : undefined),
  })
  if (query.isPending) return <PageSkeleton rows={3} />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const events = query.data.pages.flatMap((p) => p.data)
  if (events.length === 0)
    return (
      <EmptyHint
        icon={<IconNote />}
        title={t('record.timeline')}
        hint={t('record.emptyTimeline')}
      />
    )

  return (
    <Stack>
      <MantineTimeline bulletSize={26} lineWidth={2}>
        {events.map((e) => {
          const Icon = iconOf(e)
          // Changes the person made through their own privacy link have no user behind them.
          const actor = e.actorUserId
            ? byId.get(e.actorUserId)?.name
            : e.data?.actor === 'data_subject'
              ? t('record.byDataSubject')
              : undefined
          return (
            <MantineTimeline.Item
              key={e.id}
              bullet={<Icon size={14} />}
              title={<EventTitle event={e} />}
            >
              <FieldChanges event={e} />
              <Text size="xs" c="dimmed">
                {formatDateTime(e.createdAt)}
                {actor ? ` · ${actor}` : ''}
              </Text>
            </MantineTimeline.Item>
          )
        })}
      </MantineTimeline>
      {query.hasNextPage && (
        <Group>
          <Button
            variant="subtle"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('record.olderEvents')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}

function EventTitle({ event: e }: { event: TimelineEvent }) {
  const { t } = useTranslation()
  if (e.eventType === 'activity') {
    const action = String(e.data?.action ?? 'created')
    const type = String(e.data?.type ?? 'note')
    return (
      <Text size="sm" fw={500}>
        {t(`record.activityActions.${action}`, { defaultValue: action })}:{' '}
        {t(`activities.types.${type}`)} · {String(e.data?.subject ?? '')}
      </Text>
    )
  }
  // A link event names the record on the other side of the link.
  const other = e.data?.contactId
    ? `/contacts/${String(e.data.contactId)}`
    : e.data?.companyId
      ? `/companies/${String(e.data.companyId)}`
      : null
  const role = typeof e.data?.role === 'string' ? e.data.role : null
  const purpose = typeof e.data?.purposeKey === 'string' ? e.data.purposeKey : null
  return (
    <Text size="sm" fw={500}>
      {t(`record.${e.eventType}`, { defaultValue: e.eventType })}
      {other && (
        <>
          {' '}
          <Anchor component={Link} to={other} size="sm">
            {e.data?.contactId ? t('search.types.contact') : t('search.types.company')}
          </Anchor>
        </>
      )}
      {role && ` · ${role}`}
      {purpose && ` · ${purpose}`}
    </Text>
  )
}
