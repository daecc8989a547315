import { Anchor, Badge, Grid, Group, Paper, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { dealTimeline } from '../../../shared/sales.api'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { formatDate, formatMoney } from '../../lib/format'
import { Timeline } from '../timeline/timeline'
import { DealContacts } from './deal-contacts'
import { DealDetails } from './deal-details'
import { DealHistory } from './deal-history'
import { DealLines } from './deal-lines'
import { DealQuotes } from './deal-quotes'
import { DealScorecard } from './deal-scorecard'
import { useDeal, usePipelines } from './sales.queries'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

export default function DealPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const deal = useDeal(id)
  const pipelines = usePipelines()
  if (deal.isPending) return <PageSkeleton />
  if (deal.isError) return <ErrorState error={deal.error} />
  const d = deal.data
  const pipeline = pipelines.data?.find((p) => p.id === d.pipelineId)
  const stage = pipeline?.stages.find((s) => s.id === d.stageId)
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {d.title}
          </Title>
          <Badge variant="light">{stage?.name}</Badge>
          <Badge color={d.status === 'won' ? 'teal' : d.status === 'lost' ? 'red' : 'blue'}>
            {t(`sales.deal.statuses.${d.status}`)}
            {d.closedAt && ` ${formatDate(d.closedAt)}`}
          </Badge>
          <Badge variant="outline">
            {formatMoney(d.amount, d.currency)} · {d.probability} %
          </Badge>
        </Group>
        {pipeline && (
          <Anchor component={Link} to={`/pipeline?pipeline=${pipeline.id}`}>
            {pipeline.name}
          </Anchor>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Section title={t('record.details')}>
              <DealDetails key={d.updatedAt} deal={d} />
            </Section>
            <Section title={t('sales.deal.contacts')}>
              <DealContacts deal={d} />
            </Section>
            <Section title={t('sales.scorecard.title')}>
              <DealScorecard dealId={d.id} />
            </Section>
            <Section title={t('sales.deal.history')}>
              <DealHistory dealId={d.id} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Section title={t('sales.lines.title')}>
              <DealLines dealId={d.id} currency={d.currency} />
            </Section>
            <Section title={t('sales.quotes.title')}>
              <DealQuotes dealId={d.id} />
            </Section>
            <Section title={t('sales.deal.timeline')}>
              <Timeline
                objectType="deal"
                id={d.id}
                fetch={(before) => dealTimeline(api, d.id, before)}
              />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
