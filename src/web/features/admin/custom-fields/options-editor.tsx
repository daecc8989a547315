import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export type OptionDraft = { value: string; labelFi: string; labelEn: string }

type Props = {
  options: OptionDraft[]
  onChange: (options: OptionDraft[]) => void
  /** Server messages by option index, from errors with path options.<i>… */
  errorAt: (path: string) => string | undefined
}

/** The choices of a select field: a stored value and its Finnish and English labels. */
export function OptionsEditor({ options, onChange, errorAt }: Props) {
  const { t } = useTranslation()
  const update = (i: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)))
  return (
    <Stack gap="xs" role="group" aria-label={t('admin.customFields.options')}>
      <Text size="sm" fw={500}>
        {t('admin.customFields.options')}
      </Text>
      {options.map((o, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t('admin.customFields.optionValue', { n: i + 1 })}
            placeholder={t('admin.customFields.value')}
            value={o.value}
            onChange={(e) => update(i, { value: e.currentTarget.value })}
            error={errorAt(`options.${i}.value`)}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={t('admin.customFields.optionLabelFi', { n: i + 1 })}
            placeholder={t('admin.customFields.labelFi')}
            value={o.labelFi}
            onChange={(e) => update(i, { labelFi: e.currentTarget.value })}
            error={errorAt(`options.${i}.labelFi`)}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={t('admin.customFields.optionLabelEn', { n: i + 1 })}
            placeholder={t('admin.customFields.labelEn')}
            value={o.labelEn}
            onChange={(e) => update(i, { labelEn: e.currentTarget.value })}
            error={errorAt(`options.${i}.labelEn`)}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('admin.customFields.removeOption', { n: i + 1 })}
            onClick={() => onChange(options.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...options, { value: '', labelFi: '', labelEn: '' }])}
      >
        {t('admin.customFields.addOption')}
      </Button>
    </Stack>
  )
}
