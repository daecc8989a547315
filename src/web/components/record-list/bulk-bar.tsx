import { Button, Group, Menu, Paper, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconTag, IconTrash, IconUserCheck } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { applyTag, listTags } from '../../../shared/tags.api'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'

type Props = {
  objectType: 'company' | 'contact'
  ids: string[]
  onDelete: (ids: string[]) => Promise<unknown>
  onAssign: (ids: string[], ownerId: string | null) => Promise<unknown>
  owners: { id: string; name: string }[]
  onRestore: (id: string) => Promise<unknown>
  onDone: () => void
}

/** Actions on the selected rows. Delete is soft, so the notice offers to undo it. */
export function BulkBar({ objectType, ids, onDelete, onAssign, owners, onRestore, onDone }: Props) {
  const { t } = useTranslation()
  const tags = useQuery({ queryKey: ['tags'], queryFn: () => listTags(api) })

  const remove = async () => {
    try {
      await onDelete(ids)
    } catch (error) {
      return notifyError(error, t('common.error'))
    }
    const deleted = ids
    onDone()
    const id = notifications.show({
      message: (
        <Group justify="space-between">
          <Text size="sm">{t('list.deleted', { count: deleted.length })}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id)
              void Promise.all(deleted.map(onRestore)).then(
                () => {
                  notifications.show({ message: t('list.restored') })
                  onDone()
                },
                (error: unknown) => notifyError(error, t('common.error')),
              )
            }}
          >
            {t('common.undo')}
          </Button>
        </Group>
      ),
      autoClose: 8000,
    })
  }

  const tag = async (tagId: string) => {
    try {
      await applyTag(api, tagId, { objectType, ids })
      notifications.show({ message: t('list.tagged') })
      onDone()
    } catch (error) {
      notifyError(error, t('common.error'))
    }
  }

  const assign = async (ownerId: string) => {
    try {
      await onAssign(ids, ownerId)
      notifications.show({ message: t('list.assigned') })
      onDone()
    } catch (error) {
      notifyError(error, t('common.error'))
    }
  }

  return (
    <Paper withBorder p="xs" role="region" aria-label={t('list.selected', { count: ids.length })}>
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {t('list.selected', { count: ids.length })}
        </Text>
        <Menu withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconTag size={14} />}
              disabled={!tags.data?.data.length}
            >
              {t('list.tagSelected')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {tags.data?.data.map((tg) => (
              <Menu.Item key={tg.id} onClick={() => void tag(tg.id)}>
                {tg.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Menu withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconUserCheck size={14} />}>
              {t('list.assignOwner')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {owners.map((o) => (
              <Menu.Item key={o.id} onClick={() => void assign(o.id)}>
                {o.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button
          size="xs"
          color="red"
          variant="light"
          leftSection={<IconTrash size={14} />}
          onClick={() => void remove()}
        >
          {t('list.deleteSelected')}
        </Button>
      </Group>
    </Paper>
  )
}
