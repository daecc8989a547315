import { Alert, Box, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Import, ImportPreview } from '../../../shared/imports.schema'
import { ErrorState } from '../../components/ui/error-state'
import { notifyError } from '../../lib/problems'
import { ImportReport } from './import-report'
import { useImportStatus, usePreview, useStartImport } from './imports.queries'

type PreviewRow = ImportPreview['rows'][number]

/** A preview cell: its value and, under it, what is wrong with it (the row fails on import). */
function PreviewCell({ value, issues }: { value: string; issues: string[] }) {
  if (!issues.length) return <Table.Td>{value}</Table.Td>
  return (
    <Table.Td data-invalid="true" style={{ boxShadow: 'inset 3px 0 0 var(--mantine-color-red-7)' }}>
      <Text size="sm">{value}</Text>
      {issues.map((m) => (
        <Text key={m} size="xs" c="red.9" fw={500}>
          {m}
        </Text>
      ))}
    </Table.Td>
  )
}

function rowSummary(r: PreviewRow, t: TFunction): string {
  if (!r.issues.length) return t('imports.ok')
  // Problems of the whole row (an unreadable line) have no column; cells show their own.
  const rowLevel = r.issues.filter((i) => !i.column).map((i) => i.message)
  const cells = r.issues.length - rowLevel.length
  return [...rowLevel, ...(cells ? [t('imports.cellIssues', { count: cells })] : [])].join('; ')
}

/** The first rows with their problems marked on the cells, then start. */
export function ImportPreviewTable({ imp, version }: { imp: Import; version: number }) {
  const { t } = useTranslation()
  const preview = usePreview(imp.id, version)
  if (preview.isError) return <ErrorState error={preview.error} />
  if (!preview.data) return null
  const { headers, rows } = preview.data
  return (
    <Stack component="section" aria-labelledby="import-preview-title">
      <Title order={2} size="h4" id="import-preview-title">
        {t('imports.preview')}
      </Title>
      {/* A wide file scrolls sideways; the region takes the focus so keyboards can scroll it. */}
      <Box
        style={{ overflowX: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={t('imports.previewScroll')}
      >
        <Table striped aria-labelledby="import-preview-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.line')}</Table.Th>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
              <Table.Th>{t('imports.issues')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.line} data-line={r.line}>
                <Table.Td>{r.line}</Table.Td>
                {r.cells.map((c, i) => (
                  <PreviewCell
                    key={i}
                    value={c}
                    issues={r.issues.filter((x) => x.column === headers[i]).map((x) => x.message)}
                  />
                ))}
                <Table.Td>
                  {r.issues.length ? (
                    <Text c="red.9" size="sm">
                      {rowSummary(r, t)}
                    </Text>
                  ) : (
                    t('imports.ok')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  )
}

/** Start, progress while the job runs, then the report. `onChange` gets each new state. */
export function ImportRun({ imp, onChange }: { imp: Import; onChange: (next: Import) => void }) {
  const { t } = useTranslation()
  const start = useStartImport(imp.id)
  const status = useImportStatus(imp.id, imp.status)
  const current = status.data ?? imp
  const live = ['queued', 'running'].includes(current.status)
  const { rowsDone, rowsTotal, rowsPerSecond } = current.progress
  if (current.status === 'uploaded')
    return (
      <Group>
        <Button
          onClick={() =>
            start.mutate(undefined, {
              onSuccess: (next) => {
                onChange(next)
                void status.refetch()
              },
              onError: (e) => notifyError(e, t('common.error')),
            })
          }
          loading={start.isPending}
        >
          {t('imports.start')}
        </Button>
      </Group>
    )
  const percent = rowsTotal ? Math.round((100 * rowsDone) / rowsTotal) : 0
  return (
    <Stack>
      <Progress value={percent} animated={live} aria-label={t('imports.progressLabel')} />
      <Text size="sm" role="status">
        {t('imports.progress', {
          done: rowsDone,
          total: rowsTotal,
          rate: rowsPerSecond ?? 0,
          count: current.counts.failed,
        })}
      </Text>
      {current.lastError && <Alert color="red">{current.lastError}</Alert>}
      {!live && <ImportReport imp={current} onUndone={() => void status.refetch()} />}
    </Stack>
  )
}
