import {
  ActionIcon,
  Button,
  MultiSelect,
  NumberInput,
  Paper,
  Table,
  TextInput,
  Title,
} from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import type { Dispatch, SetStateAction } from 'react'
import { useTranslation } from 'react-i18next'
import { gateFields, type StageInput } from '../../../shared/pipelines.schema'

type Props = {
  stages: StageInput[]
  setStages: Dispatch<SetStateAction<StageInput[]>>
  criteria: { value: string; label: string }[]
}

/** Ordered stages with probability, rotting time and the gate (fields and criteria). */
export function StagesEditor({ stages, setStages, criteria }: Props) {
  const { t } = useTranslation()
  const setStage = (i: number, patch: Partial<StageInput>) =>
    setStages((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)))
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('sales.settings.stages')}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sales.settings.stageName')}</Table.Th>
            <Table.Th>{t('sales.settings.probability')}</Table.Th>
            <Table.Th>{t('sales.settings.rottingDays')}</Table.Th>
            <Table.Th>{t('sales.settings.requiredFields')}</Table.Th>
            <Table.Th>{t('sales.settings.requiredCriteria')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((s, i) => (
            <Table.Tr key={s.id ?? `new-${i}`}>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={s.name}
                  onChange={(e) => setStage(i, { name: e.currentTarget.value })}
                  aria-label={t('sales.settings.stageName')}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={80}
                  min={0}
                  max={100}
                  value={s.probability}
                  onChange={(v) => setStage(i, { probability: Number(v) || 0 })}
                  aria-label={t('sales.settings.probability')}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={80}
                  min={1}
                  value={s.rottingDays ?? ''}
                  onChange={(v) => setStage(i, { rottingDays: v === '' ? null : Number(v) })}
                  aria-label={t('sales.settings.rottingDays')}
                />
              </Table.Td>
              <Table.Td>
                <MultiSelect
                  size="xs"
                  data={gateFields.map((f) => ({
                    value: f,
                    label: t(`sales.settings.fields.${f}`),
                  }))}
                  value={s.requiredFields ?? []}
                  onChange={(v) =>
                    setStage(i, { requiredFields: v as StageInput['requiredFields'] })
                  }
                  aria-label={t('sales.settings.requiredFields')}
                />
              </Table.Td>
              <Table.Td>
                <MultiSelect
                  size="xs"
                  data={criteria}
                  value={s.requiredCriteria ?? []}
                  onChange={(v) => setStage(i, { requiredCriteria: v })}
                  aria-label={t('sales.settings.requiredCriteria')}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('common.delete')}
                  onClick={() => setStages((x) => x.filter((_, j) => j !== i))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        mt="xs"
        size="xs"
        variant="default"
        onClick={() => setStages((x) => [...x, { name: '', probability: 50 }])}
      >
        {t('sales.settings.addStage')}
      </Button>
    </Paper>
  )
}
