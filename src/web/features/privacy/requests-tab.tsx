import {
  Alert,
  Anchor,
  Badge,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core'
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { requestStatuses, type PrivacyRequest } from '../../../shared/privacy.schema'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { formatDate } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useCan } from '../admin/use-can'
import { useUsers } from '../users/users.queries'
import { EraseForRequest } from './erase-for-request'
import { NewRequest } from './new-request'
import { usePrivacyRequests, useUpdatePrivacyRequest } from './privacy.queries'

const r = 'privacy.requests'

function ContactCell({ request: x }: { request: PrivacyRequest }) {
  const { t } = useTranslation()
  if (!x.contactId) return <>{t('common.none')}</>
  return (
    <Anchor component={Link} to={`/contacts/${x.contactId}`} size="sm">
      {x.contactName || t(`${r}.anonymised`)}
    </Anchor>
  )
}

function RequestRow({ request: x, canUpdate }: { request: PrivacyRequest; canUpdate: boolean }) {
  const { t } = useTranslation()
  const update = useUpdatePrivacyRequest()
  const { users } = useUsers()
  const save = (input: Parameters<typeof update.mutate>[0]['input']) =>
    update.mutate({ id: x.id, input }, { onError: (e) => notifyError(e, t('common.error')) })
  const isOpen = x.status === 'received' || x.status === 'in_progress'
  return (
    <Table.Tr data-overdue={x.isOverdue || undefined}>
      <Table.Td>
        <Text size="sm">{t(`${r}.types.${x.type}`)}</Text>
        <Text size="xs" c="dimmed">
          {t(`${r}.channels.${x.channel}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ContactCell request={x} />
      </Table.Td>
      <Table.Td>
        <Text size="xs">{t(`${r}.receivedOn`, { date: formatDate(x.receivedAt) })}</Text>
        <Text size="sm" fw={500}>
          {t(`${r}.dueOn`, { date: formatDate(x.dueAt) })}
        </Text>
        {x.isOverdue && (
          <Badge color="red" size="sm" style={{ flexShrink: 0 }}>
            {t(`${r}.overdue`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {canUpdate ? (
          <Select
            size="xs"
            aria-label={t(`${r}.status`)}
            data={requestStatuses.map((s) => ({ value: s, label: t(`${r}.statuses.${s}`) }))}
            value={x.status}
            allowDeselect={false}
            onChange={(v) => v && save({ status: v as PrivacyRequest['status'] })}
          />
        ) : (
          t(`${r}.statuses.${x.status}`)
        )}
      </Table.Td>
      <Table.Td>
        {canUpdate ? (
          <Select
            size="xs"
            aria-label={t(`${r}.handler`)}
            placeholder={t(`${r}.noHandler`)}
            data={users.map((u) => ({ value: u.id, label: u.name }))}
            value={x.handlerId}
            clearable
            onChange={(v) => save({ handlerId: v })}
          />
        ) : (
          (users.find((u) => u.id === x.handlerId)?.name ?? t(`${r}.noHandler`))
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs">{[x.notes, x.evidence].filter(Boolean).join(' · ')}</Text>
      </Table.Td>
      <Table.Td>
        {canUpdate && isOpen && x.type === 'erasure' && x.contactId && x.contactName !== '' && (
          <EraseForRequest contactId={x.contactId} requestId={x.id} />
        )}
      </Table.Td>
    </Table.Tr>
  )
}

export function RequestsTab() {
  const { t } = useTranslation()
  // The filter is in the address, so a link to the late requests can be shared.
  const [params, setParams] = useSearchParams()
  const onlyOverdue = params.get('overdue') === 'true'
  const requests = usePrivacyRequests(onlyOverdue ? true : undefined)
  const canCreate = useCan('privacy-requests', 'create')
  const canUpdate = useCan('privacy-requests', 'update')
  const toggle = (on: boolean) =>
    setParams(
      (p) => {
        if (on) p.set('overdue', 'true')
        else p.delete('overdue')
        return p
      },
      { replace: true },
    )

  const body = () => {
    if (requests.isPending) return <PageSkeleton />
    if (requests.isError)
      return <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
    const rows = requests.data.data
    const overdue = rows.filter((x) => x.isOverdue).length
    return (
      <>
        {overdue > 0 && (
          <Alert color="red" icon={<IconAlertTriangle />} title={t(`${r}.overdueTitle`)}>
            {t(`${r}.overdueCount`, { count: overdue })}
          </Alert>
        )}
        {rows.length === 0 ? (
          <EmptyHint
            icon={<IconInbox />}
            title={t(onlyOverdue ? `${r}.noneOverdueTitle` : `${r}.emptyTitle`)}
            hint={t(onlyOverdue ? `${r}.noneOverdueHint` : `${r}.emptyHint`)}
          />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={880}>
              <Table verticalSpacing="xs" aria-label={t('privacy.tabs.requests')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(`${r}.type`)}</Table.Th>
                    <Table.Th>{t(`${r}.contact`)}</Table.Th>
                    <Table.Th>{t(`${r}.due`)}</Table.Th>
                    <Table.Th w={150}>{t(`${r}.status`)}</Table.Th>
                    <Table.Th w={170}>{t(`${r}.handler`)}</Table.Th>
                    <Table.Th>{t(`${r}.notes`)}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t(`${r}.actions`)}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((x) => (
                    <RequestRow key={x.id} request={x} canUpdate={canUpdate} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </>
    )
  }

  return (
    <Stack>
      {canCreate && <NewRequest />}
      <Switch
        label={t(`${r}.onlyOverdue`)}
        checked={onlyOverdue}
        onChange={(e) => toggle(e.currentTarget.checked)}
      />
      {body()}
    </Stack>
  )
}
