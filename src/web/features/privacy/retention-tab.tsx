import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconHourglass } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { lifecycleStages } from '../../../shared/common.schema'
import type { RetentionPolicy, RetentionPreview } from '../../../shared/privacy.schema'
import { ConfirmModal } from '../../components/ui/confirm-modal'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { formatDate, formatDateTime } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useCan } from '../admin/use-can'
import { fieldErrors } from './field-errors'
import { useRetentionMutations, useRetentionPolicies, useRetentionRuns } from './privacy.queries'

const k = 'privacy.retention'

function NewPolicy() {
  const { t } = useTranslation()
  const { create } = useRetentionMutations()
  const [name, setName] = useState('')
  const [stage, setStage] = useState<string | null>('lead')
  const [months, setMonths] = useState<number>(24)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const submit = () => {
    setErrors({})
    create.mutate(
      {
        name,
        lifecycleStage: (stage || null) as RetentionPolicy['lifecycleStage'],
        inactiveMonths: months,
      },
      {
        onSuccess: () => {
          setName('')
          notifications.show({ message: t(`${k}.created`) })
        },
        onError: (e) =>
          setErrors(
            fieldErrors(e, ['name', 'lifecycleStage', 'inactiveMonths'], t('common.error')),
          ),
      },
    )
  }
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Group align="flex-start">
        <TextInput
          label={t(`${k}.name`)}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
        />
        <Select
          label={t(`${k}.stage`)}
          data={[
            { value: '', label: t(`${k}.anyStage`) },
            ...lifecycleStages.map((s) => ({ value: s, label: t(`stages.${s}`) })),
          ]}
          value={stage ?? ''}
          allowDeselect={false}
          onChange={setStage}
          error={errors.lifecycleStage}
        />
        <NumberInput
          label={t(`${k}.months`)}
          min={1}
          max={600}
          value={months}
          onChange={(v) => setMonths(Number(v) || 1)}
          error={errors.inactiveMonths}
        />
        <Button type="submit" loading={create.isPending} mt={25}>
          {t(`${k}.new`)}
        </Button>
      </Group>
      {errors._ && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {errors._}
        </Text>
      )}
    </Paper>
  )
}

function PolicyRow({ policy, canEdit }: { policy: RetentionPolicy; canEdit: boolean }) {
  const { t } = useTranslation()
  const m = useRetentionMutations()
  const [preview, setPreview] = useState<RetentionPreview | null>(null)
  const [confirming, setConfirming] = useState(false)
  const doPreview = () =>
    m.preview.mutate(policy.id, {
      onSuccess: setPreview,
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
          {!policy.isActive && ` · ${t(`${k}.paused`)}`}
        </Text>
        {preview && (
          <div role="status">
            <Badge variant="light" mt={4}>
              {t(`${k}.previewResult`, { count: preview.count })}
            </Badge>
            {preview.sample.length > 0 && (
              <List size="xs" mt={4} aria-label={t(`${k}.sample`)}>
                {preview.sample.slice(0, 10).map((x) => (
                  <List.Item key={x.id}>
                    <Anchor component={Link} to={`/contacts/${x.id}`} size="xs">
                      {x.name || x.id.slice(-8)}
                    </Anchor>{' '}
                    · {t(`${k}.lastActivity`, { date: formatDate(x.lastActivityAt) })}
                  </List.Item>
                ))}
                {preview.count > 10 && (
                  <List.Item>{t(`${k}.andMore`, { count: preview.count - 10 })}</List.Item>
                )}
              </List>
            )}
          </div>
        )}
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
              onClick={() =>
                m.remove.mutate(policy.id, { onError: (e) => notifyError(e, t('common.error')) })
              }
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

function RunLog({ names }: { names: Map<string, string> }) {
  const { t } = useTranslation()
  const runs = useRetentionRuns()
  if (runs.isPending) return <PageSkeleton rows={3} />
  if (runs.isError) return <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
  if (runs.data.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t(`${k}.noRuns`)}
      </Text>
    )
  return (
    <Paper withBorder>
      <Table fz="sm" aria-label={t(`${k}.runs`)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${k}.started`)}</Table.Th>
            <Table.Th>{t(`${k}.name`)}</Table.Th>
            <Table.Th>{t(`${k}.trigger`)}</Table.Th>
            <Table.Th>{t(`${k}.affected`)}</Table.Th>
            <Table.Th>{t(`${k}.result`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.data.data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.startedAt)}</Table.Td>
              <Table.Td>{names.get(r.policyId) ?? t(`${k}.deletedPolicy`)}</Table.Td>
              <Table.Td>{t(`${k}.triggers.${r.trigger}`)}</Table.Td>
              <Table.Td>{r.affectedCount}</Table.Td>
              <Table.Td>
                <Badge
                  variant="dot"
                  color={r.status === 'done' ? 'teal' : r.status === 'failed' ? 'red' : 'gray'}
                >
                  {t(`${k}.statuses.${r.status}`)}
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
  )
}

export function RetentionTab() {
  const { t } = useTranslation()
  const policies = useRetentionPolicies()
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
          hint={t(canCreate ? `${k}.emptyHint` : `${k}.emptyHintReader`)}
        />
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs" aria-label={t('privacy.tabs.retention')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${k}.name`)}</Table.Th>
                <Table.Th>{t(`${k}.lastRun`)}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t(`${k}.actions`)}</VisuallyHidden>
                </Table.Th>
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
      <RunLog names={names} />
    </Stack>
  )
}
