import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { requestStatuses, requestTypes, type PrivacyRequest } from '../../../shared/privacy.schema'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { formatDate } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useCan } from '../admin/use-can'
import {
  useCreatePrivacyRequest,
  usePrivacyRequests,
  useUpdatePrivacyRequest,
} from './privacy.queries'

const r = 'privacy.requests'

function NewRequest() {
  const { t } = useTranslation()
  const create = useCreatePrivacyRequest()
  const [type, setType] = useState<PrivacyRequest['type']>('access')
  const [contactId, setContactId] = useState('')
  const [notes, setNotes] = useState('')
  const submit = () =>
    create.mutate(
      { type, contactId: contactId.trim() || null, notes },
      {
        onSuccess: () => {
          setContactId('')
          setNotes('')
        },
        onError: (e) => notifyError(e, t('common.error')),
      },
    )
  return (
    <Paper withBorder p="md">
      <Group align="flex-end">
        <Select
          label={t(`${r}.type`)}
          data={requestTypes.map((x) => ({ value: x, label: t(`${r}.types.${x}`) }))}
          value={type}
          onChange={(v) => v && setType(v as PrivacyRequest['type'])}
        />
        <TextInput
          label={t(`${r}.contactId`)}
          value={contactId}
          onChange={(e) => setContactId(e.currentTarget.value)}
        />
        <TextInput
          label={t(`${r}.notes`)}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button loading={create.isPending} onClick={submit}>
          {t(`${r}.new`)}
        </Button>
      </Group>
    </Paper>
  )
}

export function RequestsTab() {
  const { t } = useTranslation()
  const [onlyOverdue, setOnlyOverdue] = useState(false)
  const requests = usePrivacyRequests(onlyOverdue ? true : undefined)
  const update = useUpdatePrivacyRequest()
  const canCreate = useCan('privacy-requests', 'create')
  const canUpdate = useCan('privacy-requests', 'update')
  if (requests.isPending) return <PageSkeleton />
  if (requests.isError)
    return <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
  const rows = requests.data.data
  const overdue = rows.filter((x) => x.isOverdue).length
  return (
    <>
      {overdue > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert">
          {t(`${r}.overdueCount`, { count: overdue })}
        </Alert>
      )}
      {canCreate && <NewRequest />}
      <Switch
        label={t(`${r}.onlyOverdue`)}
        checked={onlyOverdue}
        onChange={(e) => setOnlyOverdue(e.currentTarget.checked)}
      />
      {rows.length === 0 ? (
        <EmptyHint icon={<IconInbox />} title={t(`${r}.emptyTitle`)} hint={t(`${r}.emptyHint`)} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`${r}.type`)}</Table.Th>
                  <Table.Th>{t(`${r}.contact`)}</Table.Th>
                  <Table.Th>{t(`${r}.received`)}</Table.Th>
                  <Table.Th>{t(`${r}.due`)}</Table.Th>
                  <Table.Th>{t(`${r}.status`)}</Table.Th>
                  <Table.Th>{t(`${r}.notes`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>{t(`${r}.types.${x.type}`)}</Table.Td>
                    <Table.Td>
                      {x.contactId ? (
                        <Anchor component={Link} to={`/contacts/${x.contactId}`} size="sm">
                          {x.contactId.slice(-8)}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(x.receivedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Text size="sm">{formatDate(x.dueAt)}</Text>
                        {x.isOverdue && (
                          <Badge color="red" size="sm">
                            {t(`${r}.overdue`)}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {canUpdate ? (
                        <Select
                          size="xs"
                          aria-label={t(`${r}.status`)}
                          data={requestStatuses.map((s) => ({
                            value: s,
                            label: t(`${r}.statuses.${s}`),
                          }))}
                          value={x.status}
                          onChange={(v) =>
                            v &&
                            update.mutate(
                              { id: x.id, input: { status: v as PrivacyRequest['status'] } },
                              { onError: (e) => notifyError(e, t('common.error')) },
                            )
                          }
                        />
                      ) : (
                        t(`${r}.statuses.${x.status}`)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{[x.notes, x.evidence].filter(Boolean).join(' · ')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  )
}
