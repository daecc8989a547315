import { Badge, Group, Progress, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { getDealScorecard } from '../../../shared/sales.api'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'
import { useAnswerScorecard, useDealPart } from './sales.queries'

/** Each criterion with its answer; the 0–100 score is recomputed by the server. */
export function DealScorecard({ dealId }: { dealId: string }) {
  const { t } = useTranslation()
  const card = useDealPart(dealId, 'scorecard', () => getDealScorecard(api, dealId))
  const answer = useAnswerScorecard(dealId)
  if (card.isPending) return <PageSkeleton rows={2} />
  if (!card.data || card.data.criteria.length === 0)
    return <Text c="dimmed">{t('sales.scorecard.none')}</Text>
  const score = card.data.score ?? 0
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{t('sales.scorecard.score')}</Text>
        <Badge size="lg" color={score >= 60 ? 'teal' : score >= 30 ? 'yellow' : 'gray'}>
          {score}
        </Badge>
      </Group>
      <Progress value={score} aria-label={t('sales.scorecard.score')} />
      {card.data.criteria.map((c) => (
        <Select
          key={c.key}
          label={`${c.name} (${c.weight})`}
          placeholder={t('sales.scorecard.unanswered')}
          data={c.options.map((o) => ({ value: o.key, label: `${o.label} (${o.points})` }))}
          value={c.answer}
          clearable
          onChange={(v) =>
            answer.mutate(
              { answers: [{ criterionKey: c.key, optionKey: v }] },
              { onError: (e) => notifyError(e, t('common.error')) },
            )
          }
        />
      ))}
    </Stack>
  )
}
