import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconHourglass } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { lifecycleStages } from '../../../shared/common.schema'
import type { RetentionPolicy } from '../../../shared/privacy.schema'
import { ConfirmModal } from '../../components/ui/confirm-modal'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { formatDateTime } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useCan } from '../admin/use-can'
import { useRetentionMutations, useRetentionPolicies, useRetentionRuns } from './privacy.queries'

const k = 'privacy.retention'

function NewPolicy() {
  const { t } = useTranslation()
  const { create } = useRetentionMutations()
  const [name, setName] = useState('')
  const [stage, setStage] = useState<string | null>('lead')
  const [months, setMonths] = useState<number>(24)
  const submit = () =>
    create.mutate(
      {
        name,
        lifecycleStage: (stage || null) as RetentionPolicy['lifecycleStage'],
        inactiveMonths: months,
      },
      { onSuccess: () => setName(''), onError: (e) => notifyError(e, t('common.error')) },
    )
  return (
    <Paper withBorder p="md">
      <Group align="flex-end">
        <TextInput
          label={t(`${k}.name`)}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Select
          label={t(`${k}.stage`)}
          data={[
            { value: '', label: t(`${k}.anyStage`) },
            ...lifecycleStages.map((s) => ({ value: s, label: t(`stages.${s}`) })),
          ]}
          value={stage ?? ''}
          onChange={setStage}
        />
        <NumberInput
          label={t(`${k}.months`)}
          min={1}
          max={600}
          value={months}
          onChange={(v) => setMonths(Number(v) || 1)}
        />
        <Button loading={create.isPending} onClick={submit}>
          {t(`${k}.new`)}
        </Button>
      </Group>
    </Paper>
  )
}

function PolicyRow({ policy, canEdit }: { policy: RetentionPolicy; canEdit: boolean }) {
  const { t } = useTranslation()
  const m = useRetentionMutations()
  const [preview, setPreview] = useState<number | null>(null)
  const [confirming, setConfirming] = useState(false)
  const doPreview = () =>
    m.preview.mutate(policy.id, {
      onSuccess: (p) => setPreview(p.count),
      onError: (e) => notifyError(e, t('common.error')),
    })
  const run = () =>
    m.run.mutate(policy.id, {
      onSuccess: (r) => {
        setConfirming(false)
        setPreview(null)
        notifications.show({ message: t(`${k}.runDone`, { count: r.affectedCount }) })
      },
      onError: (e) => notifyError(e, t('common.error')),
    })
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {policy.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`${k}.rule`, { months: policy.inactiveMonths })}
          {policy.lifecycleStage && ` · ${t(`stages.${policy.lifecycleStage}`)}`}
        </Text>
      </Table.Td>
      <Table.Td>{policy.lastRunAt ? formatDateTime(policy.lastRunAt) : t(`${k}.never`)}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="light"
            loading={m.preview.isPending}
            onClick={doPreview}
          >
            {t(`${k}.preview`)}
          </Button>
          {preview !== null && (
            <Badge variant="light">{t(`${k}.previewResult`, { count: preview })}</Badge>
          )}
          {canEdit && (
            <Button
              size="compact-xs"
              color="red"
              variant="light"
              onClick={() => setConfirming(true)}
            >
              {t(`${k}.run`)}
            </Button>
          )}
          {canEdit && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => m.remove.mutate(policy.id)}
            >
              {t(`${k}.delete`)}
            </Button>
          )}
        </Group>
        <ConfirmModal
          opened={confirming}
          title={t(`${k}.run`)}
          message={t(`${k}.runConfirm`)}
          confirmLabel={t(`${k}.run`)}
          isBusy={m.run.isPending}
          onConfirm={run}
          onClose={() => setConfirming(false)}
        />
      </Table.Td>
    </Table.Tr>
  )
}

export function RetentionTab() {
  const { t } = useTranslation()
  const policies = useRetentionPolicies()
  const runs = useRetentionRuns()
  const canEdit = useCan('retention-policies', 'update')
  const canCreate = useCan('retention-policies', 'create')
  if (policies.isPending) return <PageSkeleton />
  if (policies.isError)
    return <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
  const names = new Map(policies.data.data.map((p) => [p.id, p.name]))
  return (
    <Stack>
      {canCreate && <NewPolicy />}
      {policies.data.data.length === 0 ? (
        <EmptyHint
          icon={<IconHourglass />}
          title={t(`${k}.emptyTitle`)}
          hint={t(`${k}.emptyHint`)}
        />
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${k}.name`)}</Table.Th>
                <Table.Th>{t(`${k}.lastRun`)}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.data.data.map((p) => (
                <PolicyRow key={p.id} policy={p} canEdit={canEdit} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Title order={2} size="h4">
        {t(`${k}.runs`)}
      </Title>
      <Paper withBorder>
        <Table fz="sm">
          <Table.Tbody>
            {(runs.data?.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.startedAt)}</Table.Td>
                <Table.Td>{names.get(r.policyId) ?? r.policyId}</Table.Td>
                <Table.Td>{r.trigger}</Table.Td>
                <Table.Td>{r.affectedCount}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={r.status === 'done' ? 'teal' : r.status === 'failed' ? 'red' : 'gray'}
                  >
                    {r.status}
                  </Badge>
                  {r.error && (
                    <Text size="xs" c="red">
                      {r.error}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
