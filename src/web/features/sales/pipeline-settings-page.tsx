import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type CriterionInput,
  type Pipeline,
  type StageInput,
} from '../../../shared/pipelines.schema'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { notifyError } from '../../lib/problems'
import { LostReasonsEditor } from './lost-reasons-editor'
import { StagesEditor } from './stages-editor'
import { usePipelines, useSavePipeline } from './sales.queries'

type CriterionRow = Omit<CriterionInput, 'options'> & { options: string }

// Answers are typed as "No budget=0; Approved=100": quick to write, easy to read back.
const optionsText = (c: Pipeline['scorecard'][number]) =>
  c.options.map((o) => `${o.label}=${o.points}`).join('; ')
// An answer keeps its key when its label stays, so deals' answers survive an edit of points.
function parseOptions(text: string, previous: { key: string; label: string }[]) {
  const used = new Set<string>()
  return text
    .split(';')
    .map((part) => {
      const [label = '', points = '0'] = part.split('=')
      return { label: label.trim(), points: Math.max(0, Math.min(100, Number(points) || 0)) }
    })
    .filter((o) => o.label)
    .map((o, i) => {
      let key = previous.find((p) => p.label === o.label && !used.has(p.key))?.key ?? `o${i + 1}`
      while (used.has(key)) key = `${key}_`
      used.add(key)
      return { key, ...o }
    })
}

const defaultStages: StageInput[] = [
  { name: 'Liidi', probability: 10 },
  { name: 'Tarvekartoitus', probability: 30 },
  { name: 'Tarjous', probability: 60 },
  { name: 'Neuvottelu', probability: 80 },
]

export default function PipelineSettingsPage() {
  const { t } = useTranslation()
  const pipelines = usePipelines()
  const save = useSavePipeline()
  const [selected, setSelected] = useState<string>('new')
  const [name, setName] = useState('')
  const [stages, setStages] = useState<StageInput[]>(defaultStages)
  const [criteria, setCriteria] = useState<CriterionRow[]>([])
  const current = pipelines.data?.find((p) => p.id === selected)
  useEffect(() => {
    setName(current?.name ?? '')
    setStages(
      current
        ? current.stages.map((s) => ({
            id: s.id,
            name: s.name,
            probability: s.probability,
            rottingDays: s.rottingDays,
            requiredFields: s.requiredFields as StageInput['requiredFields'],
            requiredCriteria: s.requiredCriteria,
          }))
        : defaultStages,
    )
    setCriteria(
      current
        ? current.scorecard.map((c) => ({
            key: c.key,
            name: c.name,
            weight: c.weight,
            options: optionsText(c),
          }))
        : [],
    )
  }, [current])
  if (pipelines.isPending) return <PageSkeleton />
  if (pipelines.isError) return <ErrorState error={pipelines.error} />
  const setCriterion = (i: number, patch: Partial<CriterionRow>) =>
    setCriteria((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  const submit = () => {
    const input = {
      name,
      stages,
      scorecard: criteria.map((c) => ({
        ...c,
        options: parseOptions(
          c.options,
          current?.scorecard.find((x) => x.key === c.key)?.options ?? [],
        ),
      })),
    }
    save.mutate(
      { id: current?.id, input },
      {
        onSuccess: (p) => {
          setSelected(p.id)
          notifications.show({ color: 'teal', message: t('sales.settings.saved') })
        },
        onError: (e) => notifyError(e, t('common.error')),
      },
    )
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('sales.settings.title')}
        </Title>
        <Select
          data={[
            { value: 'new', label: t('sales.settings.newPipeline') },
            ...(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={selected}
          onChange={(v) => setSelected(v ?? 'new')}
          allowDeselect={false}
          aria-label={t('sales.board.pipeline')}
        />
      </Group>
      <TextInput
        label={t('sales.settings.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        maw={400}
      />
      <StagesEditor
        stages={stages}
        setStages={setStages}
        criteria={criteria
          .filter((c) => c.key)
          .map((c) => ({ value: c.key, label: c.name || c.key }))}
      />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('sales.settings.scorecard')}
        </Title>
        <Stack gap="xs">
          {criteria.map((c, i) => (
            <Group key={i} align="flex-end">
              <TextInput
                size="xs"
                w={110}
                label={t('sales.settings.criterionKey')}
                value={c.key}
                onChange={(e) => setCriterion(i, { key: e.currentTarget.value.toLowerCase() })}
              />
              <TextInput
                size="xs"
                label={t('sales.settings.criterionName')}
                value={c.name}
                onChange={(e) => setCriterion(i, { name: e.currentTarget.value })}
              />
              <NumberInput
                size="xs"
                w={80}
                label={t('sales.settings.weight')}
                min={1}
                max={100}
                value={c.weight}
                onChange={(v) => setCriterion(i, { weight: Number(v) || 1 })}
              />
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                label={t('sales.settings.options')}
                value={c.options}
                onChange={(e) => setCriterion(i, { options: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('common.delete')}
                onClick={() => setCriteria((x) => x.filter((_, j) => j !== i))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            size="xs"
            variant="default"
            w="fit-content"
            onClick={() =>
              setCriteria((x) => [
                ...x,
                { key: `c${x.length + 1}`, name: '', weight: 10, options: 'Ei=0; Kyllä=100' },
              ])
            }
          >
            {t('sales.settings.addCriterion')}
          </Button>
        </Stack>
      </Paper>
      <Button w="fit-content" loading={save.isPending} onClick={submit} disabled={!name.trim()}>
        {t('sales.settings.save')}
      </Button>
      <LostReasonsEditor />
    </Stack>
  )
}
