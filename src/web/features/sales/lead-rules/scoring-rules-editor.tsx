import { Button, Group, NumberInput, Select, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { engagementTypes, fitFields, type ScoringRule } from '../../../../shared/leads.schema'
import { ErrorState } from '../../../components/ui/error-state'
import { usePreviewScoringRules, useSaveScoringRules, useScoringRules } from './lead-rules.queries'
import { ruleErrors } from './rule-errors'
import { RuleRow, RulesForm } from './rules-form'
import { RuleRowActions, rowKey } from './rule-row-actions'
import { ScoringPreviewTable } from './scoring-preview'

type Row = {
  key: string
  kind: ScoringRule['kind']
  field: string
  value: string
  points: number | string
  maxPoints: number | string
}

const toRow = (r: ScoringRule): Row => ({
  key: rowKey(),
  kind: r.kind,
  field: r.field,
  value: r.kind === 'fit' ? r.value : '',
  points: r.points,
  maxPoints: r.kind === 'engagement' ? (r.maxPoints ?? '') : '',
})

// Sent as typed: the server validates and its messages show at the fields.
const toRule = (r: Row): ScoringRule =>
  (r.kind === 'fit'
    ? { kind: 'fit', field: r.field, value: r.value, points: r.points === '' ? 0 : r.points }
    : {
        kind: 'engagement',
        field: r.field,
        points: r.points === '' ? 0 : r.points,
        maxPoints: r.maxPoints === '' ? null : r.maxPoints,
      }) as ScoringRule

/** Fit rules (a lead attribute equals a value → points) and engagement rules (per activity). */
export function ScoringRulesEditor({ canEdit }: { canEdit: boolean }) {
  const rules = useScoringRules()
  if (rules.isError) return <ErrorState error={rules.error} />
  if (!rules.data) return null
  // Remounts with the server's rules after each save, clearing the edits and their errors.
  return <ScoringRulesForm key={rules.dataUpdatedAt} rules={rules.data} canEdit={canEdit} />
}

function ScoringRulesForm({ rules, canEdit }: { rules: ScoringRule[]; canEdit: boolean }) {
  const { t } = useTranslation()
  const save = useSaveScoringRules()
  const preview = usePreviewScoringRules()
  const [rows, setRows] = useState(() => rules.map(toRow))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const add = (kind: Row['kind']) =>
    setRows((rs) => [
      ...rs,
      {
        key: rowKey(),
        kind,
        field: kind === 'fit' ? 'industry' : 'meeting',
        value: '',
        points: 10,
        maxPoints: '',
      },
    ])
  const fieldOptions = (kind: Row['kind']) =>
    (kind === 'fit' ? fitFields : engagementTypes).map((f) => ({
      value: f,
      label: t(`sales.leadRules.${kind}Fields.${f}`),
    }))
  const showPreview = () => {
    setErrors({})
    preview.mutate(rows.map(toRule), {
      onError: (e) => setErrors(ruleErrors(e, t('common.error'))),
    })
  }
  const submit = () => {
    setErrors({})
    preview.reset()
    save.mutate(rows.map(toRule), {
      onSuccess: () =>
        notifications.show({ color: 'teal', message: t('sales.leadRules.scoringSaved') }),
      onError: (e) => setErrors(ruleErrors(e, t('common.error'))),
    })
  }
  return (
    <RulesForm
      id="scoring-rules-title"
      title={t('sales.leadRules.scoringTitle')}
      help={t('sales.leadRules.scoringHelp')}
      canEdit={canEdit}
      onSubmit={submit}
      generalError={errors._}
      footer={
        <>
          <Group>
            <Button size="xs" variant="default" onClick={() => add('fit')}>
              {t('sales.leadRules.addFit')}
            </Button>
            <Button size="xs" variant="default" onClick={() => add('engagement')}>
              {t('sales.leadRules.addEngagement')}
            </Button>
            <Button size="xs" variant="light" loading={preview.isPending} onClick={showPreview}>
              {t('sales.leadRules.preview')}
            </Button>
            <Button size="xs" type="submit" loading={save.isPending}>
              {t('sales.leadRules.saveScoring')}
            </Button>
          </Group>
          {preview.data && <ScoringPreviewTable preview={preview.data} />}
        </>
      }
    >
      {rows.length === 0 && (
        <Text size="sm" data-testid="scoring-empty">
          {t('sales.leadRules.scoringEmpty')}
        </Text>
      )}
      {rows.map((r, i) => {
        const n = i + 1
        const err = (f: string) => errors[`${i}.${f}`]
        return (
          <RuleRow key={r.key} number={n}>
            <Select
              size="xs"
              w={150}
              label={t('sales.leadRules.kind')}
              data={[
                { value: 'fit', label: t('sales.leadRules.kinds.fit') },
                { value: 'engagement', label: t('sales.leadRules.kinds.engagement') },
              ]}
              value={r.kind}
              allowDeselect={false}
              onChange={(v) => {
                const kind = v === 'engagement' ? 'engagement' : 'fit'
                if (kind !== r.kind)
                  update(i, { kind, field: kind === 'fit' ? 'industry' : 'meeting' })
              }}
            />
            <Select
              size="xs"
              w={160}
              label={r.kind === 'fit' ? t('sales.leadRules.field') : t('sales.leadRules.activity')}
              data={fieldOptions(r.kind)}
              value={r.field}
              allowDeselect={false}
              error={err('field')}
              onChange={(v) => v && update(i, { field: v })}
            />
            {r.kind === 'fit' && (
              <TextInput
                size="xs"
                w={180}
                label={t('sales.leadRules.value')}
                value={r.value}
                error={err('value')}
                onChange={(e) => update(i, { value: e.currentTarget.value })}
              />
            )}
            <NumberInput
              size="xs"
              w={110}
              label={
                r.kind === 'fit' ? t('sales.leadRules.points') : t('sales.leadRules.pointsEach')
              }
              value={r.points}
              allowDecimal={false}
              error={err('points')}
              onChange={(v) => update(i, { points: v })}
            />
            {r.kind === 'engagement' && (
              <NumberInput
                size="xs"
                w={110}
                label={t('sales.leadRules.maxPoints')}
                value={r.maxPoints}
                allowDecimal={false}
                error={err('maxPoints')}
                onChange={(v) => update(i, { maxPoints: v })}
              />
            )}
            <RuleRowActions
              number={n}
              count={rows.length}
              onDelete={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            />
          </RuleRow>
        )
      })}
    </RulesForm>
  )
}
