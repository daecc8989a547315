import { ActionIcon, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../shared/errors'
import { errorMessage } from '../../lib/problems'

type Props = {
  /** API field name; errors whose path starts with it are shown here. */
  name: string
  label: string
  value: string | null | undefined
  display?: ReactNode
  options?: { value: string; label: string }[]
  onSave: (value: string | null) => Promise<unknown>
}

function fieldError(error: unknown, name: string, fallback: string): string {
  if (error instanceof ApiError) {
    const issue = error.problem.errors?.find(
      (e) => e.path === name || e.path.startsWith(`${name}.`),
    )
    if (issue) return issue.message
  }
  return errorMessage(error, fallback)
}

/** A labelled value that turns into an input in place; Enter saves, Escape cancels. */
export function InlineField({ name, label, value, display, options, onSave }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isSaving, setSaving] = useState(false)
  const isEditing = draft !== null

  const cancel = () => {
    setDraft(null)
    setError(null)
  }
  const save = async () => {
    if (draft === null) return
    setSaving(true)
    try {
      await onSave(draft.trim() === '' ? null : draft.trim())
      cancel()
    } catch (e) {
      setError(fieldError(e, name, t('common.error')))
    } finally {
      setSaving(false)
    }
  }

  if (!isEditing)
    return (
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Text size="sm">{display ?? (value || t('common.none'))}</Text>
          <ActionIcon
            variant="subtle"
            size="sm"
            color="gray"
            aria-label={t('record.editField', { field: label })}
            onClick={() => setDraft(value ?? '')}
          >
            <IconPencil size={14} />
          </ActionIcon>
        </Group>
      </Stack>
    )

  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') cancel()
    if (e.key === 'Enter') void save()
  }
  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      {options ? (
        <Select
          label={label}
          data={options}
          value={draft || null}
          onChange={(v) => setDraft(v ?? '')}
          error={error}
          clearable
          autoFocus
          onKeyDown={keys}
          size="xs"
          style={{ flex: 1 }}
        />
      ) : (
        <TextInput
          label={label}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          error={error}
          autoFocus
          onKeyDown={keys}
          size="xs"
          style={{ flex: 1 }}
        />
      )}
      <ActionIcon
        mt={22}
        aria-label={t('common.save')}
        onClick={() => void save()}
        loading={isSaving}
      >
        <IconCheck size={14} />
      </ActionIcon>
      <ActionIcon mt={22} variant="default" aria-label={t('common.cancel')} onClick={cancel}>
        <IconX size={14} />
      </ActionIcon>
    </Group>
  )
}
