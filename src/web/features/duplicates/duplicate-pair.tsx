import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type {
  DuplicateCandidate,
  DuplicateReason,
  DuplicateRecord,
} from '../../../shared/duplicates.schema'
import { formatDate } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useDecideDuplicate } from './duplicates.queries'

function ReasonBadge({ reason: r }: { reason: DuplicateReason }) {
  const { t } = useTranslation()
  const similarity = r.similarity === undefined ? undefined : Math.round(r.similarity * 100)
  return (
    <Badge variant="light" tt="none" color={r.signal === 'differentNames' ? 'gray' : 'blue'}>
      {t(`duplicates.reasons.${r.signal}`, { value: r.value ?? '', similarity })}
    </Badge>
  )
}

const scoreColor = (score: number) => (score >= 85 ? 'red' : score >= 65 ? 'orange' : 'yellow')

function RecordSummary({ record, objectType }: { record: DuplicateRecord; objectType: string }) {
  const { t } = useTranslation()
  const path = objectType === 'contact' ? 'contacts' : 'companies'
  const lines = [
    ...record.emails,
    ...record.phones,
    ...record.companies.map((c) => c.name),
    record.businessId,
    record.domain,
    record.city,
  ].filter(Boolean)
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/${path}/${record.id}`} fw={500}>
        {record.name || record.emails[0] || t('duplicates.unnamed')}
      </Anchor>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {t('fields.createdAt')} {formatDate(record.createdAt)}
      </Text>
    </Stack>
  )
}

/** One pair of the review queue: score, reasons, both records, and what to do with them. */
export function DuplicatePair({
  pair,
  onMerge,
}: {
  pair: DuplicateCandidate
  onMerge(pair: DuplicateCandidate): void
}) {
  const { t } = useTranslation()
  const decide = useDecideDuplicate()
  const [a, b] = pair.records
  const name = (r: DuplicateRecord | undefined) =>
    r?.name || r?.emails[0] || t('duplicates.unnamed')
  const act = (action: 'dismiss' | 'reopen') =>
    decide.mutate({ id: pair.id, action }, { onError: (e) => notifyError(e, t('common.error')) })
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={t('duplicates.pair', { a: name(a), b: name(b) })}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={scoreColor(pair.score)}>
            {t('duplicates.score', { score: pair.score })}
          </Badge>
          {pair.reasons.map((r, i) => (
            <ReasonBadge key={i} reason={r} />
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {pair.records.map((r) => (
            <RecordSummary key={r.id} record={r} objectType={pair.objectType} />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          {pair.status === 'open' && (
            <>
              <Button variant="subtle" loading={decide.isPending} onClick={() => act('dismiss')}>
                {t('duplicates.dismiss')}
              </Button>
              <Button onClick={() => onMerge(pair)}>{t('duplicates.merge')}</Button>
            </>
          )}
          {pair.status === 'dismissed' && (
            <Button variant="subtle" loading={decide.isPending} onClick={() => act('reopen')}>
              {t('duplicates.reopen')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
