import { Anchor, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconDownload, IconHistory } from '@tabler/icons-react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { auditLogExportUrl, listAuditLog } from '../../../../shared/audit.api'
import type { AuditEntry, AuditFilter } from '../../../../shared/audit.schema'
import { EmptyHint } from '../../../components/ui/empty-hint'
import { ErrorState } from '../../../components/ui/error-state'
import { PageSkeleton } from '../../../components/ui/page-skeleton'
import { api } from '../../../lib/api'
import { formatDateTime } from '../../../lib/format'
import { useUsers } from '../../users/users.queries'
import { AuditFilters } from './audit-filters'

export default function AuditLogPage() {
  const { t, i18n } = useTranslation()
  const [filter, setFilter] = useState<AuditFilter>({})
  const { byId } = useUsers()
  const log = useInfiniteQuery({
    queryKey: ['audit-log', filter],
    queryFn: ({ pageParam }) => listAuditLog(api, { ...filter, limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const rows = log.data?.pages.flatMap((p) => p.data) ?? []
  const label = (group: 'actions' | 'objects', v: string) =>
    i18n.exists(`admin.audit.${group}.${v}`) ? t(`admin.audit.${group}.${v}`) : v
  const actor = (e: AuditEntry) =>
    e.actorApiKeyId
      ? t('admin.audit.viaApiKey', { name: byId.get(e.actorUserId ?? '')?.name ?? '' })
      : (byId.get(e.actorUserId ?? '')?.name ?? t('common.none'))

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('admin.audit.title')}
        </Title>
        <Anchor href={auditLogExportUrl(api, filter)} download>
          <Group gap={4}>
            <IconDownload size={16} />
            {t('admin.audit.export')}
          </Group>
        </Anchor>
      </Group>
      <AuditFilters onApply={setFilter} />
      {log.isPending ? (
        <PageSkeleton />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyHint
          icon={<IconHistory />}
          title={t('admin.audit.emptyTitle')}
          hint={t('admin.audit.emptyHint')}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.audit.time')}</Table.Th>
                  <Table.Th>{t('admin.audit.user')}</Table.Th>
                  <Table.Th>{t('admin.audit.action')}</Table.Th>
                  <Table.Th>{t('admin.audit.object')}</Table.Th>
                  <Table.Th>{t('admin.audit.record')}</Table.Th>
                  <Table.Th>{t('admin.audit.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
                    <Table.Td>{actor(e)}</Table.Td>
                    <Table.Td>{label('actions', e.action)}</Table.Td>
                    <Table.Td>{label('objects', e.objectType)}</Table.Td>
                    <Table.Td>
                      {e.recordId ? (
                        <Code>{e.recordId}</Code>
                      ) : e.recordCount ? (
                        t('admin.audit.records', { count: e.recordCount })
                      ) : (
                        t('common.none')
                      )}
                    </Table.Td>
                    <Table.Td>{e.ip ?? t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {log.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
      <Text size="xs" c="dimmed">
        {t('admin.audit.exportHint')}
      </Text>
    </Stack>
  )
}
