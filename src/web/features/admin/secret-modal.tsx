import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  /** The secret to show; null keeps the modal closed. */
  value: string | null
  title: string
  label: string
  hint: string
  onClose: () => void
}

/** Shows a key or one-time link once, with a copy button and a warning that it will not return. */
export function SecretModal({ value, title, label, hint, onClose }: Props) {
  const { t } = useTranslation()
  // Keep showing the last secret while the modal fades out after the parent clears it.
  const [shown, setShown] = useState({ value, title, hint })
  if (value !== null && value !== shown.value) setShown({ value, title, hint })
  return (
    <Modal opened={value !== null} onClose={onClose} title={shown.title} size="lg">
      <Stack>
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} role="status">
          {t('admin.shownOnce')}
        </Alert>
        <Text size="sm">{shown.hint}</Text>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={label}
            value={shown.value ?? ''}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <CopyButton value={shown.value ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal.9' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('admin.copied') : t('admin.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('admin.secretDone')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
