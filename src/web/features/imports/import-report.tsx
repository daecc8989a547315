import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Import } from '../../../shared/imports.schema'
import { ErrorState } from '../../components/ui/error-state'
import { notifyError } from '../../lib/problems'
import { failedRowsUrl, useImportReport, useUndoImport } from './imports.queries'

// At most this many failures are listed on the page; the failed-rows CSV has them all.
const shownFailures = 100

/** The finished import: counts, each failed line with its reason, failed rows, undo. */
export function ImportReport({ imp, onUndone }: { imp: Import; onUndone: () => void }) {
  const { t } = useTranslation()
  const undo = useUndoImport(imp.id)
  const hasLines = imp.counts.failed > 0 || imp.counts.flagged > 0
  const report = useImportReport(imp.id, hasLines)
  const failures = report.data?.failures ?? []
  return (
    <Stack component="section" aria-labelledby="import-report-title">
      <Title order={2} size="h4" id="import-report-title">
        {t('imports.report')}
      </Title>
      <Text>{t('imports.counts', imp.counts)}</Text>
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {failures.length > 0 && (
        <Table striped aria-label={t('imports.failures')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.line')}</Table.Th>
              <Table.Th>{t('imports.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {failures.slice(0, shownFailures).map((f) => (
              <Table.Tr key={f.line}>
                <Table.Td>{f.line}</Table.Td>
                <Table.Td>{f.error}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {failures.length > shownFailures && (
        <Text size="sm">
          {t('imports.moreFailures', { count: failures.length - shownFailures })}
        </Text>
      )}
      {imp.counts.failed > 0 && (
        <Anchor href={failedRowsUrl(imp.id)} download>
          {t('imports.failedRows')}
        </Anchor>
      )}
      {imp.counts.flagged > 0 && (
        // Grey with the shield, as the record page shows an erased person (yellow text on
        // yellow fails contrast).
        <Alert
          color="gray"
          icon={<IconShieldCheck />}
          title={t('imports.flagged', { count: imp.counts.flagged })}
        >
          <Text size="sm">{t('imports.flaggedHelp')}</Text>
          {report.data && (
            <Text size="sm">
              {t('imports.flaggedLines', {
                lines: report.data.flagged
                  .slice(0, 50)
                  .map((f) => f.line)
                  .join(', '),
              })}
            </Text>
          )}
        </Alert>
      )}
      {imp.status === 'undone' ? (
        <Alert>{t('imports.undone')}</Alert>
      ) : (
        imp.status === 'done' && (
          <Group>
            <Button
              color="red"
              variant="light"
              loading={undo.isPending}
              onClick={() =>
                undo.mutate(undefined, {
                  onSuccess: onUndone,
                  onError: (e) => notifyError(e, t('common.error')),
                })
              }
            >
              {t('imports.undo')}
            </Button>
          </Group>
        )
      )}
    </Stack>
  )
}
