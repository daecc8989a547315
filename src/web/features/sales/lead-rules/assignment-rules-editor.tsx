import { Button, Group, Select, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AssignmentRule } from '../../../../shared/leads.schema'
import { ErrorState } from '../../../components/ui/error-state'
import { useTeams } from '../../admin/teams/teams.queries'
import { useUsers } from '../../users/users.queries'
import { useAssignmentRules, useSaveAssignmentRules } from './lead-rules.queries'
import { ruleErrors } from './rule-errors'
import { RuleRow, RulesForm } from './rules-form'
import { RuleRowActions, moveItem, rowKey } from './rule-row-actions'

type Row = {
  key: string
  kind: AssignmentRule['kind']
  matchField: 'region' | 'industry'
  matchValue: string
  /** `team:<id>` or `user:<id>`: a rule gives leads to a team in turns, or to one person. */
  assignee: string | null
}

const toRow = (r: AssignmentRule): Row => ({
  key: rowKey(),
  kind: r.kind,
  matchField: r.matchField ?? 'region',
  matchValue: r.matchValue ?? '',
  assignee: r.userId ? `user:${r.userId}` : r.teamId ? `team:${r.teamId}` : null,
})

const toRule = (r: Row): AssignmentRule => {
  const [type, id] = (r.assignee ?? '').split(':')
  return {
    kind: r.kind,
    matchField: r.kind === 'territory' ? r.matchField : null,
    matchValue: r.kind === 'territory' ? r.matchValue : null,
    teamId: type === 'team' ? id : null,
    userId: type === 'user' ? id : null,
  }
}

/** Who gets a new lead: the first rule that matches, top down. */
export function AssignmentRulesEditor({ canEdit }: { canEdit: boolean }) {
  const rules = useAssignmentRules()
  if (rules.isError) return <ErrorState error={rules.error} />
  if (!rules.data) return null
  return <AssignmentRulesForm key={rules.dataUpdatedAt} rules={rules.data} canEdit={canEdit} />
}

function AssignmentRulesForm({ rules, canEdit }: { rules: AssignmentRule[]; canEdit: boolean }) {
  const { t } = useTranslation()
  const save = useSaveAssignmentRules()
  const teams = useTeams()
  const { users } = useUsers()
  const [rows, setRows] = useState(() => rules.map(toRow))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const assignees = [
    {
      group: t('sales.leadRules.teams'),
      items: (teams.data?.data ?? []).map((tm) => ({ value: `team:${tm.id}`, label: tm.name })),
    },
    {
      group: t('sales.leadRules.people'),
      items: users.map((u) => ({ value: `user:${u.id}`, label: u.name })),
    },
  ]
  const submit = () => {
    setErrors({})
    save.mutate(rows.map(toRule), {
      onSuccess: () =>
        notifications.show({ color: 'teal', message: t('sales.leadRules.assignmentSaved') }),
      onError: (e) => setErrors(ruleErrors(e, t('common.error'))),
    })
  }
  return (
    <RulesForm
      id="assignment-rules-title"
      title={t('sales.leadRules.assignmentTitle')}
      help={t('sales.leadRules.assignmentHelp')}
      canEdit={canEdit}
      onSubmit={submit}
      generalError={errors._}
      footer={
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => setRows((rs) => [...rs, toRow({ kind: 'territory' })])}
          >
            {t('sales.leadRules.addTerritory')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => setRows((rs) => [...rs, toRow({ kind: 'round_robin' })])}
          >
            {t('sales.leadRules.addRoundRobin')}
          </Button>
          <Button size="xs" type="submit" loading={save.isPending}>
            {t('sales.leadRules.saveAssignment')}
          </Button>
        </Group>
      }
    >
      {rows.length === 0 && <Text size="sm">{t('sales.leadRules.assignmentEmpty')}</Text>}
      {rows.map((r, i) => {
        const n = i + 1
        const err = (f: string) => errors[`${i}.${f}`]
        return (
          <RuleRow key={r.key} number={n}>
            <Select
              size="xs"
              w={170}
              label={t('sales.leadRules.kind')}
              data={[
                { value: 'territory', label: t('sales.leadRules.kinds.territory') },
                { value: 'round_robin', label: t('sales.leadRules.kinds.round_robin') },
              ]}
              value={r.kind}
              allowDeselect={false}
              onChange={(v) => update(i, { kind: v === 'territory' ? 'territory' : 'round_robin' })}
            />
            {r.kind === 'territory' && (
              <>
                <Select
                  size="xs"
                  w={130}
                  label={t('sales.leadRules.matchField')}
                  data={[
                    { value: 'region', label: t('sales.leadRules.fitFields.region') },
                    { value: 'industry', label: t('sales.leadRules.fitFields.industry') },
                  ]}
                  value={r.matchField}
                  allowDeselect={false}
                  error={err('matchField')}
                  onChange={(v) =>
                    update(i, { matchField: v === 'industry' ? 'industry' : 'region' })
                  }
                />
                <TextInput
                  size="xs"
                  w={170}
                  label={t('sales.leadRules.matchValue')}
                  value={r.matchValue}
                  error={err('matchValue')}
                  onChange={(e) => update(i, { matchValue: e.currentTarget.value })}
                />
              </>
            )}
            <Select
              size="xs"
              w={220}
              label={t('sales.leadRules.assignee')}
              placeholder={t('sales.leadRules.assigneePlaceholder')}
              data={assignees}
              value={r.assignee}
              searchable
              error={err('teamId') ?? err('userId')}
              onChange={(v) => update(i, { assignee: v })}
            />
            <RuleRowActions
              number={n}
              count={rows.length}
              onMove={(by) => setRows((rs) => moveItem(rs, i, by))}
              onDelete={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            />
          </RuleRow>
        )
      })}
    </RulesForm>
  )
}
