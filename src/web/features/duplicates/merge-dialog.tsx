import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getCompany } from '../../../shared/companies.api'
import { getContact } from '../../../shared/contacts.api'
import type { DuplicateObjectType } from '../../../shared/duplicates.schema'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { formatDate, formatValue } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useUsers } from '../users/users.queries'
import { useMerge, useMergePreview } from './duplicates.queries'
import { defaultChoice, mergeRows, type FieldRow, type MergeableRecord } from './merge-fields'

type Props = {
  objectType: DuplicateObjectType
  recordIds: string[]
  onClose(): void
  onMerged?(survivorId: string): void
}

export function recordName(r: MergeableRecord, unnamed: string): string {
  if ('name' in r) return r.name
  const name = [r.firstName, r.lastName].filter(Boolean).join(' ')
  return name || r.emails[0]?.address || unnamed
}

function useFormat() {
  const { t } = useTranslation()
  const { byId } = useUsers()
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return ''
    if (field === 'ownerId') return byId.get(String(value))?.name ?? String(value)
    if (field === 'lifecycleStage') return t(`stages.${String(value)}`)
    if (field === 'source') {
      const s = value as { channel?: string | null; campaign?: string | null }
      return [s.channel, s.campaign].filter(Boolean).join(' · ')
    }
    return formatValue(value)
  }
}

/** The records side by side: which one to keep, and per differing field whose value. */
export function MergeDialog({ objectType, recordIds, onClose, onMerged }: Props) {
  const { t } = useTranslation()
  const queries = useQueries({
    queries: recordIds.map((id) => ({
      queryKey: [objectType, id],
      queryFn: (): Promise<MergeableRecord> =>
        objectType === 'contact' ? getContact(api, id) : getCompany(api, id),
    })),
  })
  const records = queries.flatMap((q) => (q.data ? [q.data] : []))
  const isLoaded = records.length === recordIds.length
  return (
    <Modal opened onClose={onClose} title={t('duplicates.mergeDialog')} size="xl">
      {queries.some((q) => q.isError) ? (
        <ErrorState error={queries.find((q) => q.error)?.error} />
      ) : !isLoaded ? (
        <PageSkeleton rows={4} />
      ) : (
        <MergeForm
          objectType={objectType}
          records={records}
          onClose={onClose}
          onMerged={onMerged}
        />
      )}
    </Modal>
  )
}

function MergeForm(props: {
  objectType: DuplicateObjectType
  records: MergeableRecord[]
  onClose(): void
  onMerged?(survivorId: string): void
}) {
  const { objectType, records } = props
  const { t } = useTranslation()
  const format = useFormat()
  const merge = useMerge()
  // The older record is kept unless the user picks another.
  const [survivorId, setSurvivorId] = useState(records[0]?.id ?? '')
  const [picked, setPicked] = useState<Record<string, string>>({})
  const rows = mergeRows(objectType, records, format)
  const choice = (row: FieldRow) => picked[row.field] ?? defaultChoice(row, survivorId)
  const input = {
    objectType,
    survivorId,
    mergedIds: records.map((r) => r.id).filter((id) => id !== survivorId),
    fields: Object.fromEntries(rows.map((row) => [row.field, choice(row)])),
  }
  const preview = useMergePreview(input)
  const moved = Object.entries(preview.data?.moved ?? {}).filter(([, n]) => n > 0)
  const label = (field: string) =>
    field.startsWith('custom.') ? field.slice(7) : t(`duplicates.fields.${field}`)
  // One column per record and one for "combine all", so every row lines up.
  const cols = records.length + 1
  const submit = () =>
    merge.mutate(input, {
      onSuccess: (result) => {
        notifications.show({ color: 'green', message: t('duplicates.merged') })
        props.onMerged?.(result.survivorId)
        props.onClose()
      },
      onError: (e) => notifyError(e, t('common.error')),
    })
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('duplicates.survivorHint')}
      </Text>
      <Radio.Group label={t('duplicates.keep')} value={survivorId} onChange={setSurvivorId}>
        <SimpleGrid cols={cols} mt="xs">
          {records.map((r) => (
            <Radio
              key={r.id}
              value={r.id}
              label={t('duplicates.keepRecord', { name: recordName(r, t('duplicates.unnamed')) })}
              description={formatDate(r.createdAt)}
            />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {rows.length === 0 && <Text size="sm">{t('duplicates.noDifferences')}</Text>}
      {rows.map((row) => (
        <Radio.Group
          key={row.field}
          label={label(row.field)}
          value={choice(row)}
          onChange={(v) => setPicked((p) => ({ ...p, [row.field]: v }))}
        >
          <SimpleGrid cols={cols} mt="xs">
            {row.values.map((v) => (
              <Radio key={v.recordId} value={v.recordId} label={v.text || t('common.none')} />
            ))}
            {row.isList && <Radio value="union" label={t('duplicates.union')} />}
          </SimpleGrid>
        </Radio.Group>
      ))}
      {moved.length > 0 && (
        <Alert variant="light">
          {t('duplicates.moves', {
            list: moved
              .map(([k, n]) => `${t(`duplicates.moved.${k}`, { defaultValue: k })} ${n}`)
              .join(', '),
          })}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={merge.isPending}>
          {t('duplicates.confirmMerge')}
        </Button>
      </Group>
    </Stack>
  )
}
