import { Alert, Anchor, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Import } from '../../../shared/imports.schema'
import { ErrorState } from '../../components/ui/error-state'
import { notifyError } from '../../lib/problems'
import {
  failedRowsUrl,
  useImportReport,
  useImportStatus,
  usePreview,
  useStartImport,
  useUndoImport,
} from './imports.queries'

/** The first rows with their problems, then start. */
export function ImportPreviewTable({ imp, version }: { imp: Import; version: number }) {
  const { t } = useTranslation()
  const preview = usePreview(imp.id, version)
  if (preview.isError) return <ErrorState error={preview.error} />
  if (!preview.data) return null
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('imports.preview')}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.line')}</Table.Th>
              {preview.data.headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
              <Table.Th>{t('imports.issues')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.data.rows.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                {r.cells.map((c, i) => (
                  <Table.Td key={i}>{c}</Table.Td>
                ))}
                <Table.Td>
                  {r.issues.length ? (
                    <Text c="red" size="sm">
                      {r.issues.map((i) => `${i.column}: ${i.message}`).join('; ')}
                    </Text>
                  ) : (
                    t('imports.ok')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}

/** Start, progress while the job runs, then the report, failed rows and undo. */
export function ImportRun({ imp }: { imp: Import }) {
  const { t } = useTranslation()
  const start = useStartImport(imp.id)
  const undo = useUndoImport(imp.id)
  const isRunning = ['queued', 'running'].includes(imp.status) || start.isSuccess
  const status = useImportStatus(imp.id, isRunning)
  const current = status.data ?? imp
  const live = ['queued', 'running'].includes(current.status)
  const report = useImportReport(imp.id, current.status === 'done' && current.counts.flagged > 0)
  const { rowsDone, rowsTotal, rowsPerSecond } = current.progress
  if (current.status === 'uploaded')
    return (
      <Group>
        <Button
          onClick={() =>
            start.mutate(undefined, { onError: (e) => notifyError(e, t('common.error')) })
          }
          loading={start.isPending}
        >
          {t('imports.start')}
        </Button>
      </Group>
    )
  return (
    <Stack>
      <Progress value={rowsTotal ? (100 * rowsDone) / rowsTotal : 0} animated={live} />
      <Text size="sm">
        {t('imports.progress', {
          done: rowsDone,
          total: rowsTotal,
          rate: rowsPerSecond ?? 0,
          failed: current.counts.failed,
        })}
      </Text>
      {current.lastError && <Alert color="red">{current.lastError}</Alert>}
      {!live && (
        <>
          <Title order={2} size="h4">
            {t('imports.report')}
          </Title>
          <Text>{t('imports.counts', current.counts)}</Text>
          {current.counts.failed > 0 && (
            <Anchor href={failedRowsUrl(imp.id)}>{t('imports.failedRows')}</Anchor>
          )}
          {current.counts.flagged > 0 && (
            <Alert color="yellow" title={t('imports.flagged', { count: current.counts.flagged })}>
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
          {current.status === 'undone' ? (
            <Alert>{t('imports.undone')}</Alert>
          ) : (
            current.status === 'done' && (
              <Group>
                <Button
                  color="red"
                  variant="light"
                  loading={undo.isPending}
                  onClick={() =>
                    undo.mutate(undefined, {
                      onSuccess: () => void status.refetch(),
                      onError: (e) => notifyError(e, t('common.error')),
                    })
                  }
                >
                  {t('imports.undo')}
                </Button>
              </Group>
            )
          )}
        </>
      )}
    </Stack>
  )
}
