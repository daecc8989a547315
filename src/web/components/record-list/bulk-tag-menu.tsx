import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core'
import { IconPlus, IconTag, IconTagOff } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createTag, listTags } from '../../../shared/tags.api'
import type { Tag } from '../../../shared/tags.schema'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/problems'

type Props = {
  onApply: (tag: Tag) => void
  onRemove: (tag: Tag) => void
}

/** Tag or untag the selection; a new tag can be created on the way and is added at once. */
export function BulkTagMenu({ onApply, onRemove }: Props) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const tags = useQuery({ queryKey: ['tags'], queryFn: () => listTags(api) })
  const [isCreating, setCreating] = useState(false)
  const [name, setName] = useState('')
  const create = useMutation({
    mutationFn: (tagName: string) => createTag(api, { name: tagName }),
    onSuccess: (tag) => {
      void qc.invalidateQueries({ queryKey: ['tags'] })
      setCreating(false)
      setName('')
      onApply(tag)
    },
  })
  const all = tags.data?.data ?? []
  const close = () => {
    create.reset()
    setCreating(false)
  }
  return (
    <>
      <Menu withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconTag size={14} />}>
            {t('bulk.tagMenu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('bulk.addTag')}</Menu.Label>
          {all.length === 0 && <Menu.Item disabled>{t('bulk.noTags')}</Menu.Item>}
          {all.map((tg) => (
            <Menu.Item
              key={tg.id}
              leftSection={<IconTag size={14} />}
              onClick={() => onApply(tg)}
              aria-label={`${t('bulk.addTag')}: ${tg.name}`}
            >
              {tg.name}
            </Menu.Item>
          ))}
          <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            {t('bulk.newTag')}…
          </Menu.Item>
          {all.length > 0 && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('bulk.removeTag')}</Menu.Label>
              {all.map((tg) => (
                <Menu.Item
                  key={tg.id}
                  leftSection={<IconTagOff size={14} />}
                  onClick={() => onRemove(tg)}
                  aria-label={`${t('bulk.removeTag')}: ${tg.name}`}
                >
                  {tg.name}
                </Menu.Item>
              ))}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={isCreating} onClose={close} title={t('bulk.newTag')}>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (name.trim()) create.mutate(name.trim())
          }}
        >
          <Stack>
            <TextInput
              label={t('bulk.newTagName')}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={create.error ? errorMessage(create.error, t('common.error')) : undefined}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('bulk.createAndAdd')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}
