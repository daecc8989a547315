import { Alert, Button, Group, Progress, Select, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuplicateScan } from '../../../shared/duplicates.schema'
import { formatDateTime } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useStartScan } from './duplicates.queries'

const scopes = ['all', 'contact', 'company'] as const

function ScanStatus({ scan }: { scan: DuplicateScan | undefined }) {
  const { t } = useTranslation()
  if (!scan) return <Text size="sm">{t('duplicates.neverScanned')}</Text>
  const { stepsDone, stepsTotal } = scan.progress
  if (scan.status === 'queued') return <Text size="sm">{t('duplicates.scanQueued')}</Text>
  if (scan.status === 'running')
    return (
      <Stack gap={4}>
        <Progress
          value={stepsTotal ? (100 * stepsDone) / stepsTotal : 0}
          animated
          aria-label={t('duplicates.scanning', { done: stepsDone, total: stepsTotal })}
        />
        <Text size="sm">{t('duplicates.scanning', { done: stepsDone, total: stepsTotal })}</Text>
      </Stack>
    )
  if (scan.status === 'failed')
    return <Alert color="red">{t('duplicates.scanFailed', { error: scan.lastError ?? '' })}</Alert>
  return (
    <Text size="sm" role="status">
      {t('duplicates.scanDone', {
        when: formatDateTime(scan.finishedAt),
        count: scan.progress.found ?? 0,
        seconds: (scan.seconds ?? 0).toFixed(1),
      })}
    </Text>
  )
}

/** Start a scan of the workspace and follow its progress. */
export function ScanPanel({ latest, canScan }: { latest?: DuplicateScan; canScan: boolean }) {
  const { t } = useTranslation()
  const start = useStartScan()
  const [scope, setScope] = useState<(typeof scopes)[number]>('all')
  const isBusy = latest?.status === 'queued' || latest?.status === 'running'
  return (
    <Stack gap="sm">
      {canScan && (
        <Group align="flex-end">
          <Select
            label={t('duplicates.scanWhat')}
            data={scopes.map((s) => ({ value: s, label: t(`duplicates.scanOf.${s}`) }))}
            value={scope}
            onChange={(v) => v && setScope(v as (typeof scopes)[number])}
            allowDeselect={false}
            w={260}
          />
          <Button
            loading={start.isPending || isBusy}
            onClick={() =>
              start.mutate(
                { objectType: scope },
                { onError: (e) => notifyError(e, t('common.error')) },
              )
            }
          >
            {t('duplicates.scan')}
          </Button>
        </Group>
      )}
      <ScanStatus scan={latest} />
    </Stack>
  )
}
