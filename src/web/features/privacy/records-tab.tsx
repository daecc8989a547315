import { Anchor, Button, Group, List, Paper, Table, Text, Title } from '@mantine/core'
import { IconDownload, IconFileDescription } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { recordsOfProcessingCsvUrl } from '../../../shared/privacy.api'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { currentLanguage } from '../../i18n/i18n'
import { api } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { useCan } from '../admin/use-can'
import { useRecordsOfProcessing } from './privacy.queries'

/** Records of processing activities (GDPR art. 30), with the CSV document and the audit log. */
export function RecordsTab() {
  const { t } = useTranslation()
  const records = useRecordsOfProcessing()
  const canAudit = useCan('audit-log', 'read')
  const lang = currentLanguage()
  if (records.isPending) return <PageSkeleton />
  if (records.isError)
    return <ErrorState error={records.error} onRetry={() => void records.refetch()} />
  const r = records.data
  return (
    <>
      <Group justify="space-between">
        <div>
          <Text size="sm">
            {t('privacy.records.controller')}: <strong>{r.controller}</strong>
          </Text>
          <Text size="xs" c="dimmed">
            {t('privacy.records.generated', { date: formatDateTime(r.generatedAt) })}
          </Text>
        </div>
        <Group>
          {canAudit && (
            <Anchor component={Link} to="/admin/audit-log" size="sm">
              {t('privacy.records.auditExport')}
            </Anchor>
          )}
          <Button
            component="a"
            href={recordsOfProcessingCsvUrl(api, lang)}
            leftSection={<IconDownload size={16} />}
            variant="default"
          >
            {t('privacy.records.download')}
          </Button>
        </Group>
      </Group>
      {r.activities.length === 0 ? (
        <EmptyHint
          icon={<IconFileDescription />}
          title={t('privacy.records.emptyTitle')}
          hint={t('privacy.records.emptyHint')}
          action={
            <Button component={Link} to="/data-protection?tab=purposes" variant="light">
              {t('privacy.records.toPurposes')}
            </Button>
          }
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="xs" aria-label={t('privacy.tabs.records')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.tabs.purposes')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.legalBasis')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.dataCategories')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.recipients')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.retentionPeriod')}</Table.Th>
                  <Table.Th>{t('privacy.records.subjects')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.activities.map((a) => (
                  <Table.Tr key={a.purposeKey}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {lang === 'fi' ? a.nameFi : a.nameEn}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {lang === 'fi' ? a.descriptionFi : a.descriptionEn}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`privacy.legalBasis.${a.legalBasis}`)}</Table.Td>
                    <Table.Td>{a.dataCategories.join(', ')}</Table.Td>
                    <Table.Td>{a.recipients.join(', ')}</Table.Td>
                    <Table.Td>{a.retentionPeriod}</Table.Td>
                    <Table.Td>{a.dataSubjects}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Title order={2} size="h4">
        {t('privacy.records.retentionTitle')}
      </Title>
      {r.retentionPolicies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('privacy.records.noRetention')}
        </Text>
      ) : (
        <List size="sm">
          {r.retentionPolicies.map((p) => (
            <List.Item key={p.id}>
              {p.name}: {t('privacy.retention.rule', { months: p.inactiveMonths })}
              {p.lifecycleStage && ` · ${t(`stages.${p.lifecycleStage}`)}`}
            </List.Item>
          ))}
        </List>
      )}
    </>
  )
}
