import { Button, Checkbox, Group, SegmentedControl, Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { activityTypes, type ActivityType } from '../../../shared/activities.schema'
import type { User } from '../../../shared/users.schema'
import type { ActivityListParams } from './activities.queries'

export type Status = 'all' | 'open' | 'done'

/** The filters of the activities page; they live in the address (`?type=task&status=open…`). */
export type ActivityFilterState = {
  type: ActivityType | null
  assignee: string | null
  status: Status
  isOverdue: boolean
  from: string
  to: string
}

const isType = (v: string | null): v is ActivityType =>
  v !== null && (activityTypes as readonly string[]).includes(v)

export function readActivityFilters(params: URLSearchParams): ActivityFilterState {
  const status = params.get('status')
  const type = params.get('type')
  return {
    type: isType(type) ? type : null,
    assignee: params.get('assignee'),
    status: status === 'open' || status === 'done' ? status : 'all',
    isOverdue: params.get('overdue') === '1',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  }
}

export function writeActivityFilters(params: URLSearchParams, f: ActivityFilterState) {
  const next = new URLSearchParams(params)
  const put = (key: string, value: string | null) =>
    value ? next.set(key, value) : next.delete(key)
  put('type', f.type)
  put('assignee', f.assignee)
  put('status', f.status === 'all' ? null : f.status)
  put('overdue', f.isOverdue ? '1' : null)
  put('from', f.from || null)
  put('to', f.to || null)
  return next
}

/** Tasks are dated by when they are due, everything else by when it happened. */
export const dateFieldOf = (f: ActivityFilterState) =>
  f.type === 'task' || f.status === 'open' || f.isOverdue ? 'dueAt' : 'occurredAt'

export function toListParams(f: ActivityFilterState): ActivityListParams {
  const filter: Record<string, Record<string, string>> = {}
  if (f.type) filter.type = { eq: f.type }
  if (f.assignee) filter.assigneeId = { eq: f.assignee }
  if (f.status !== 'all') filter.done = { eq: String(f.status === 'done') }
  const dateField = dateFieldOf(f)
  const range: Record<string, string> = {}
  // Local calendar days: from the start of `from` to the end of `to`.
  if (f.from) range.gte = new Date(`${f.from}T00:00`).toISOString()
  if (f.to) range.lt = new Date(new Date(`${f.to}T00:00`).getTime() + 86_400_000).toISOString()
  if (Object.keys(range).length) filter[dateField] = range
  return {
    filter: Object.keys(filter).length ? filter : undefined,
    overdue: f.isOverdue ? 'true' : undefined,
    sort: dateField === 'dueAt' ? 'dueAt' : '-createdAt',
  }
}

type Props = {
  value: ActivityFilterState
  users: User[]
  onChange: (f: ActivityFilterState) => void
}

export function ActivityFilters({ value, users, onChange }: Props) {
  const { t } = useTranslation()
  const set = (patch: Partial<ActivityFilterState>) => onChange({ ...value, ...patch })
  const isFiltered =
    value.type ||
    value.assignee ||
    value.status !== 'all' ||
    value.isOverdue ||
    value.from ||
    value.to
  return (
    <Group gap="sm" align="flex-end" role="group" aria-label={t('activityList.filters')}>
      <Select
        label={t('activityList.type')}
        data={[
          { value: '', label: t('activityList.anyType') },
          ...activityTypes.map((v) => ({ value: v, label: t(`activities.types.${v}`) })),
        ]}
        value={value.type ?? ''}
        onChange={(v) => set({ type: isType(v) ? v : null })}
        allowDeselect={false}
        w={150}
      />
      <Select
        label={t('activityList.assignee')}
        data={[
          { value: '', label: t('activityList.anyone') },
          ...users.map((u) => ({ value: u.id, label: u.name })),
        ]}
        value={value.assignee ?? ''}
        onChange={(v) => set({ assignee: v || null })}
        allowDeselect={false}
        searchable
        w={190}
      />
      <SegmentedControl
        aria-label={t('activityList.status')}
        value={value.status}
        onChange={(v) => set({ status: v === 'open' || v === 'done' ? v : 'all' })}
        data={[
          { value: 'all', label: t('activityList.statusAll') },
          { value: 'open', label: t('activityList.statusOpen') },
          { value: 'done', label: t('activityList.statusDone') },
        ]}
      />
      <Checkbox
        label={t('activityList.overdueOnly')}
        checked={value.isOverdue}
        onChange={(e) => set({ isOverdue: e.currentTarget.checked })}
        mb={8}
      />
      <TextInput
        type="date"
        label={dateFieldOf(value) === 'dueAt' ? t('activityList.dueFrom') : t('activityList.from')}
        value={value.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
        w={160}
      />
      <TextInput
        type="date"
        label={dateFieldOf(value) === 'dueAt' ? t('activityList.dueTo') : t('activityList.to')}
        value={value.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
        w={160}
      />
      {isFiltered && (
        <Button
          variant="subtle"
          onClick={() =>
            onChange({
              type: null,
              assignee: null,
              status: 'all',
              isOverdue: false,
              from: '',
              to: '',
            })
          }
        >
          {t('activityList.clear')}
        </Button>
      )}
    </Group>
  )
}
