import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../shared/errors'
import { errorMessage } from '../../lib/problems'

type Props = {
  opened: boolean
  isBusy: boolean
  error: unknown
  onSave: (view: { name: string; isShared: boolean }) => void
  onClose: () => void
}

/** Name the current filter, sort and columns as a view, for oneself or the whole workspace. */
export function SaveViewModal({ opened, isBusy, error, onSave, onClose }: Props) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [isShared, setShared] = useState(false)
  const nameIssue =
    error instanceof ApiError
      ? error.problem.errors?.find((e) => e.path === 'name')?.message
      : undefined
  const message = error && !nameIssue ? errorMessage(error, t('common.error')) : nameIssue

  return (
    <Modal opened={opened} onClose={onClose} title={t('views.saveTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          onSave({ name: name.trim(), isShared })
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label={t('views.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={message}
          />
          <Checkbox
            label={t('views.share')}
            description={t('views.shareHint')}
            checked={isShared}
            onChange={(e) => setShared(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy} disabled={!name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
