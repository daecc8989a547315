import '@mantine/charts/styles.css'
import { BarChart, LineChart } from '@mantine/charts'
import {
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { activityKinds } from '../../../shared/forecast.schema'
import { getActivityProgress, getForecast, getMetrics } from '../../../shared/sales.api'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { formatMoney } from '../../lib/format'
import { useCan } from '../admin/use-can'
import { useMe } from '../auth/auth.queries'
import { CoachingPanel } from './coaching-panel'
import { TargetsPanel } from './targets-panel'

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700}>
        {value}
      </Text>
    </Paper>
  )
}

export default function ForecastPage() {
  const { t } = useTranslation()
  const [period, setPeriod] = useState<'month' | 'quarter'>('month')
  const [groupBy, setGroupBy] = useState<'rep' | 'team'>('rep')
  const [kind, setKind] = useState<(typeof activityKinds)[number]>('calls')
  const currency = useMe().data?.workspace?.currency ?? 'EUR'
  const canSetTargets = useCan('targets', 'update')
  const forecast = useQuery({
    queryKey: ['forecast', period, groupBy],
    queryFn: () => getForecast(api, { period, groupBy }),
  })
  const metrics = useQuery({ queryKey: ['forecast-metrics'], queryFn: () => getMetrics(api) })
  const activity = useQuery({
    queryKey: ['activity-progress'],
    queryFn: () => getActivityProgress(api, 8),
  })
  const money = (n: number) => formatMoney(n, currency)
  if (forecast.isPending) return <PageSkeleton />
  if (forecast.isError) return <ErrorState error={forecast.error} />
  // The chart adds rows up, so it shows the workspace currency only; the table has every row.
  const others = [
    ...new Set(forecast.data.data.map((r) => r.currency).filter((c) => c !== currency)),
  ]
  const byPeriod = new Map<string, Record<string, number | string>>()
  for (const r of forecast.data.data.filter((x) => x.currency === currency)) {
    const row = byPeriod.get(r.periodStart) ?? {
      period: r.periodStart.slice(0, 7),
      closedWon: 0,
      commit: 0,
      bestCase: 0,
      weighted: 0,
      quota: 0,
    }
    for (const k of ['closedWon', 'commit', 'bestCase', 'weighted'] as const)
      row[k] = Number(row[k]) + r[k] / 100
    row.quota = Number(row.quota) + (r.quota ?? 0) / 100
    byPeriod.set(r.periodStart, row)
  }
  // Done against target per week for one kind of activity, summed over the reps shown.
  const weeks = new Map<string, { week: string; done: number; target: number }>()
  for (const r of activity.data?.data ?? []) {
    const w = weeks.get(r.weekStart) ?? { week: r.weekStart.slice(5), done: 0, target: 0 }
    w.done += r.done[kind]
    w.target += r.target?.[kind] ?? 0
    weeks.set(r.weekStart, w)
  }
  const m = metrics.data
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('sales.forecast.title')}
        </Title>
        <Group>
          <SegmentedControl
            value={period}
            onChange={(v) => setPeriod(v as 'month' | 'quarter')}
            data={[
              { value: 'month', label: t('sales.forecast.month') },
              { value: 'quarter', label: t('sales.forecast.quarter') },
            ]}
          />
          <SegmentedControl
            value={groupBy}
            onChange={(v) => setGroupBy(v as 'rep' | 'team')}
            data={[
              { value: 'rep', label: t('sales.forecast.rep') },
              { value: 'team', label: t('sales.forecast.team') },
            ]}
          />
        </Group>
      </Group>
      <Paper withBorder p="md">
        <BarChart
          h={260}
          data={[...byPeriod.values()]}
          dataKey="period"
          withLegend
          series={[
            { name: 'closedWon', label: t('sales.forecast.closedWon'), color: 'teal.6' },
            { name: 'commit', label: t('sales.forecast.commit'), color: 'blue.6' },
            { name: 'bestCase', label: t('sales.forecast.bestCase'), color: 'indigo.3' },
            { name: 'weighted', label: t('sales.forecast.weighted'), color: 'grape.5' },
            { name: 'quota', label: t('sales.forecast.quota'), color: 'orange.6' },
          ]}
        />
        {others.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('sales.forecast.otherCurrencies', { currency, others: others.join(', ') })}
          </Text>
        )}
      </Paper>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sales.forecast.period')}</Table.Th>
            <Table.Th>
              {groupBy === 'rep' ? t('sales.forecast.rep') : t('sales.forecast.team')}
            </Table.Th>
            <Table.Th>{t('sales.forecast.closedWon')}</Table.Th>
            <Table.Th>{t('sales.forecast.commit')}</Table.Th>
            <Table.Th>{t('sales.forecast.bestCase')}</Table.Th>
            <Table.Th>{t('sales.forecast.weighted')}</Table.Th>
            <Table.Th>{t('sales.forecast.quota')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {forecast.data.data.map((r) => (
            <Table.Tr key={`${r.periodStart}-${r.groupId}-${r.currency}`}>
              <Table.Td>{r.periodStart.slice(0, 7)}</Table.Td>
              <Table.Td>{r.groupName ?? t('sales.forecast.noOwner')}</Table.Td>
              <Table.Td>{formatMoney(r.closedWon, r.currency)}</Table.Td>
              <Table.Td>{formatMoney(r.commit, r.currency)}</Table.Td>
              <Table.Td>{formatMoney(r.bestCase, r.currency)}</Table.Td>
              <Table.Td>{formatMoney(r.weighted, r.currency)}</Table.Td>
              <Table.Td>{r.quota === null ? '' : formatMoney(r.quota, r.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {t('sales.forecast.metrics')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure
          label={t('sales.forecast.winRate')}
          value={m?.winRate == null ? '–' : `${Math.round(m.winRate * 100)} %`}
        />
        <Figure
          label={t('sales.forecast.avgDeal')}
          value={m?.averageDealSize == null ? '–' : money(m.averageDealSize)}
        />
        <Figure
          label={t('sales.forecast.cycle')}
          value={
            m?.salesCycleDays == null
              ? '–'
              : t('sales.forecast.cycleDays', { days: m.salesCycleDays })
          }
        />
        <Figure
          label={t('sales.forecast.velocity')}
          value={m?.pipelineVelocity == null ? '–' : money(m.pipelineVelocity)}
        />
      </SimpleGrid>
      {m && m.stageConversion.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('sales.forecast.conversion')}
          </Text>
          <BarChart
            h={200}
            data={m.stageConversion.map((s) => ({
              stage: s.name,
              rate: Math.round((s.rate ?? 0) * 100),
            }))}
            dataKey="stage"
            series={[{ name: 'rate', label: '%', color: 'blue.6' }]}
          />
        </Paper>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('sales.forecast.activity')}</Text>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as (typeof activityKinds)[number])}
            data={activityKinds.map((k) => ({ value: k, label: t(`sales.forecast.${k}`) }))}
          />
        </Group>
        <LineChart
          h={220}
          data={[...weeks.values()]}
          dataKey="week"
          withLegend
          series={[
            { name: 'done', label: t(`sales.forecast.${kind}`), color: 'blue.6' },
            { name: 'target', label: t('sales.forecast.quota'), color: 'orange.6' },
          ]}
        />
      </Paper>
      <CoachingPanel />
      {canSetTargets && <TargetsPanel />}
    </Stack>
  )
}
