import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import type { DuplicateCandidate, DuplicateObjectType } from '../../../shared/duplicates.schema'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { useCan } from '../admin/use-can'
import { DuplicatePair } from './duplicate-pair'
import { useDuplicateQueue, useDuplicateScans, useStartScan } from './duplicates.queries'
import { MergeDialog } from './merge-dialog'
import { ScanPanel } from './scan-panel'

const statuses = ['open', 'dismissed', 'merged'] as const

/** The review queue of likely duplicates, the scan that fills it, and merging. */
export default function DuplicatesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const objectType = (params.get('objectType') ?? undefined) as DuplicateObjectType | undefined
  const recordId = params.get('recordId') ?? undefined
  const status = (params.get('status') ?? 'open') as (typeof statuses)[number]
  const minScore = Number(params.get('minScore') ?? 0)
  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p)
      if (value) next.set(key, value)
      else next.delete(key)
      return next
    })
  const canScanContacts = useCan('contacts', 'update')
  const canScanCompanies = useCan('companies', 'update')
  const canScan = canScanContacts || canScanCompanies
  const scans = useDuplicateScans()
  const latest = scans.data?.data[0]
  const queue = useDuplicateQueue({ objectType, recordId, status, minScore })
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null)
  useRefreshWhenScanEnds(latest?.status, () => void queue.refetch())
  useScanRecordOnce(recordId, objectType, canScan)

  const pairs = queue.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('duplicates.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('duplicates.intro')}
      </Text>
      <Paper withBorder p="md">
        <ScanPanel latest={latest} canScan={canScan} />
      </Paper>
      {recordId && (
        <Alert variant="light" title={t('duplicates.forRecord')}>
          <Button variant="subtle" size="compact-sm" onClick={() => setParam('recordId', null)}>
            {t('duplicates.showAll')}
          </Button>
        </Alert>
      )}
      <Group align="flex-end">
        <SegmentedControl
          aria-label={t('duplicates.objectType')}
          value={objectType ?? 'all'}
          onChange={(v) => setParam('objectType', v === 'all' ? null : v)}
          data={(['all', 'contact', 'company'] as const).map((v) => ({
            value: v,
            label: t(`duplicates.types.${v}`),
          }))}
        />
        <Select
          label={t('duplicates.status')}
          data={statuses.map((s) => ({ value: s, label: t(`duplicates.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setParam('status', v === 'open' ? null : v)}
          allowDeselect={false}
          w={220}
        />
        <NumberInput
          label={t('duplicates.minScore')}
          value={minScore}
          min={0}
          max={100}
          step={10}
          w={160}
          onChange={(v) => setParam('minScore', Number(v) > 0 ? String(v) : null)}
        />
      </Group>
      {queue.isPending ? (
        <PageSkeleton rows={3} />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : pairs.length === 0 ? (
        <EmptyHint
          icon={<IconCopy />}
          title={t('duplicates.emptyTitle')}
          hint={t('duplicates.emptyHint')}
        />
      ) : (
        <Stack component="section" aria-label={t('duplicates.title')}>
          {pairs.map((pair) => (
            <DuplicatePair key={pair.id} pair={pair} onMerge={setMerging} />
          ))}
          {queue.hasNextPage && (
            <Group>
              <Button
                variant="subtle"
                loading={queue.isFetchingNextPage}
                onClick={() => void queue.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {merging && (
        <MergeDialog
          objectType={merging.objectType}
          recordIds={merging.records.map((r) => r.id)}
          onClose={() => setMerging(null)}
          onMerged={(survivorId) => {
            // From a record's own duplicates, go on to the record kept.
            if (recordId)
              void navigate(
                `/${merging.objectType === 'contact' ? 'contacts' : 'companies'}/${survivorId}`,
              )
          }}
        />
      )}
    </Stack>
  )
}

/** Reloads the queue when the latest scan goes from running to done. */
function useRefreshWhenScanEnds(status: string | undefined, refresh: () => void) {
  const previous = useRef(status)
  useEffect(() => {
    const was = previous.current
    previous.current = status
    if ((was === 'queued' || was === 'running') && status === 'done') refresh()
  }, [status, refresh])
}

/** "Find duplicates" on a record page lands here with its id: scan that record once. */
function useScanRecordOnce(
  recordId: string | undefined,
  objectType: DuplicateObjectType | undefined,
  canScan: boolean,
) {
  const start = useStartScan()
  const started = useRef<string | null>(null)
  useEffect(() => {
    if (!recordId || !objectType || !canScan || started.current === recordId) return
    started.current = recordId
    start.mutate({ objectType, recordId })
  }, [recordId, objectType, canScan, start])
}
