import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { activityKinds, type ActivityTarget } from '../../../shared/forecast.schema'
import {
  listActivityTargets,
  listQuotas,
  setActivityTarget,
  setQuota,
} from '../../../shared/sales.api'
import { api } from '../../lib/api'
import { formatMoney } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useMe } from '../auth/auth.queries'
import { useUsers } from '../users/users.queries'

type Kind = (typeof activityKinds)[number]
const none: Record<Kind, number> = { calls: 0, meetings: 0, emails: 0, newDeals: 0 }

// A quarter starts in January, April, July or October; a typed month is moved to its quarter.
function periodStartOf(month: string, period: 'month' | 'quarter') {
  const [y = '', m = '1'] = month.split('-')
  const n = period === 'quarter' ? Math.floor((Number(m) - 1) / 3) * 3 + 1 : Number(m)
  return `${y}-${String(n).padStart(2, '0')}-01`
}

function useSaved() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  return {
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['targets'] })
      void qc.invalidateQueries({ queryKey: ['forecast'] })
      void qc.invalidateQueries({ queryKey: ['activity-progress'] })
      void qc.invalidateQueries({ queryKey: ['coaching'] })
      notifications.show({ color: 'teal', message: t('sales.targets.saved') })
    },
    onError: (e: unknown) => notifyError(e, t('common.error')),
  }
}

/** Weekly activity targets per rep, one row each, saved row by row. */
function ActivityTargets() {
  const { t } = useTranslation()
  const { users } = useUsers()
  const saved = useSaved()
  const targets = useQuery({
    queryKey: ['targets', 'activity'],
    queryFn: () => listActivityTargets(api),
  })
  const [edits, setEdits] = useState<Record<string, Partial<Record<Kind, number>>>>({})
  const save = useMutation({
    mutationFn: ({ userId, ...counts }: ActivityTarget) => setActivityTarget(api, userId, counts),
    ...saved,
  })
  const current = new Map((targets.data?.data ?? []).map((x) => [x.userId, x]))
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sales.forecast.rep')}</Table.Th>
          {activityKinds.map((k) => (
            <Table.Th key={k}>{t(`sales.forecast.${k}`)}</Table.Th>
          ))}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((u) => {
          const row = { ...none, ...current.get(u.id), ...edits[u.id] }
          return (
            <Table.Tr key={u.id}>
              <Table.Td>{u.name}</Table.Td>
              {activityKinds.map((k) => (
                <Table.Td key={k}>
                  <NumberInput
                    size="xs"
                    w={80}
                    min={0}
                    max={10_000}
                    allowDecimal={false}
                    aria-label={`${u.name}: ${t(`sales.forecast.${k}`)}`}
                    value={row[k]}
                    onChange={(v) =>
                      setEdits((e) => ({ ...e, [u.id]: { ...e[u.id], [k]: Number(v) || 0 } }))
                    }
                  />
                </Table.Td>
              ))}
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  disabled={!edits[u.id]}
                  onClick={() =>
                    save.mutate(
                      { ...row, userId: u.id },
                      { onSuccess: () => setEdits(({ [u.id]: _done, ...rest }) => rest) },
                    )
                  }
                >
                  {t('common.save')}
                </Button>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}

/** A rep's quota for a month or quarter (in the workspace currency), and the quotas set. */
function Quotas() {
  const { t } = useTranslation()
  const { users, byId } = useUsers()
  const currency = useMe().data?.workspace?.currency ?? 'EUR'
  const saved = useSaved()
  const quotas = useQuery({ queryKey: ['targets', 'quotas'], queryFn: () => listQuotas(api) })
  const [userId, setUserId] = useState<string | null>(null)
  const [period, setPeriod] = useState<'month' | 'quarter'>('month')
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7))
  const [amount, setAmount] = useState<number | string>('')
  const save = useMutation({
    mutationFn: () =>
      setQuota(api, {
        userId: userId ?? '',
        period,
        periodStart: periodStartOf(month, period),
        amount: Math.round(Number(amount) * 100),
      }),
    ...saved,
  })
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          size="xs"
          label={t('sales.forecast.rep')}
          data={users.map((u) => ({ value: u.id, label: u.name }))}
          value={userId}
          onChange={setUserId}
        />
        <SegmentedControl
          size="xs"
          value={period}
          onChange={(v) => setPeriod(v as 'month' | 'quarter')}
          data={[
            { value: 'month', label: t('sales.forecast.month') },
            { value: 'quarter', label: t('sales.forecast.quarter') },
          ]}
        />
        <TextInput
          size="xs"
          type="month"
          label={t('sales.targets.start')}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
        />
        <NumberInput
          size="xs"
          w={140}
          label={t('sales.targets.amount')}
          min={0}
          decimalScale={2}
          suffix={` ${currency}`}
          value={amount}
          onChange={setAmount}
        />
        <Button
          size="xs"
          loading={save.isPending}
          disabled={!userId || amount === '' || !month}
          onClick={() => save.mutate()}
        >
          {t('sales.targets.setQuota')}
        </Button>
      </Group>
      <Table striped>
        <Table.Tbody>
          {(quotas.data?.data ?? []).slice(0, 24).map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>{byId.get(q.userId)?.name}</Table.Td>
              <Table.Td>
                {t(`sales.forecast.${q.period}`)} {q.periodStart.slice(0, 7)}
              </Table.Td>
              <Table.Td>{formatMoney(q.amount, q.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

/** Where a manager sets what the forecast and the coaching view measure against. */
export function TargetsPanel() {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" component="section" aria-label={t('sales.targets.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('sales.targets.title')}
      </Title>
      <Stack>
        <Text fw={600}>{t('sales.targets.quotas')}</Text>
        <Quotas />
        <Text fw={600}>{t('sales.targets.weekly')}</Text>
        <ActivityTargets />
      </Stack>
    </Paper>
  )
}
