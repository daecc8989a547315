import { Button, Group, Menu, Paper, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconTrash, IconUserCheck } from '@tabler/icons-react'
import { useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyTag, removeTag } from '../../../shared/tags.api'
import type { Tag } from '../../../shared/tags.schema'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'
import { BulkEdit } from './bulk-edit'
import { BulkTagMenu } from './bulk-tag-menu'
import type { BulkField, Row } from './list-types'
import { patchLoadedRows } from './optimistic-rows'

type Props = {
  objectType: 'company' | 'contact'
  ids: string[]
  listKey: QueryKey
  fields: BulkField[]
  /** Rows loaded on screen and matching in total: a selection never reaches past the loaded. */
  loaded: number
  total: number | undefined
  onDelete: (ids: string[]) => Promise<unknown>
  onAssign: (ids: string[], ownerId: string | null) => Promise<unknown>
  onUpdate: (records: ({ id: string } & Record<string, unknown>)[]) => Promise<unknown>
  owners: { id: string; name: string }[]
  onRestore: (id: string) => Promise<unknown>
  onDone: () => void
}

type TagRef = { id: string; name: string; color: string | null }
const tagsOf = (row: Row): TagRef[] => (Array.isArray(row.tags) ? (row.tags as TagRef[]) : [])

/** Actions on the selected rows. Delete is soft, so the notice offers to undo it. */
export function BulkBar(props: Props) {
  const { objectType, ids, listKey, onDone } = props
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [isBusy, setBusy] = useState(false)

  // Shows the change on the loaded rows at once and puts them back if the server refuses.
  const optimistic = async (patch: (row: Row) => Row, call: () => Promise<unknown>) => {
    setBusy(true)
    const rollback = await patchLoadedRows(qc, listKey, ids, patch)
    try {
      await call()
      return true
    } catch (error) {
      rollback()
      notifyError(error, t('common.error'))
      return false
    } finally {
      setBusy(false)
    }
  }

  const edit = async (field: BulkField, value: string | null) => {
    const isDone = await optimistic(
      (row) => ({ ...row, [field.id]: value }),
      () => props.onUpdate(ids.map((id) => ({ id, [field.id]: value }))),
    )
    if (!isDone) return
    notifications.show({ message: t('bulk.edited', { field: field.label, count: ids.length }) })
    onDone()
  }

  const tag = async (tg: Tag, mode: 'apply' | 'remove') => {
    const ref = { id: tg.id, name: tg.name, color: tg.color }
    const isDone = await optimistic(
      (row) => {
        const rest = tagsOf(row).filter((x) => x.id !== tg.id)
        return { ...row, tags: mode === 'apply' ? [...rest, ref] : rest }
      },
      () => (mode === 'apply' ? applyTag : removeTag)(api, tg.id, { objectType, ids }),
    )
    if (!isDone) return
    notifications.show({ message: mode === 'apply' ? t('list.tagged') : t('bulk.untagged') })
    void qc.invalidateQueries({ queryKey: ['tags'] })
    onDone()
  }

  const remove = async () => {
    try {
      await props.onDelete(ids)
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
              void Promise.all(deleted.map(props.onRestore)).then(
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

  const assign = async (ownerId: string) => {
    try {
      await props.onAssign(ids, ownerId)
      notifications.show({ message: t('list.assigned') })
      onDone()
    } catch (error) {
      notifyError(error, t('common.error'))
    }
  }

  const isCapped =
    props.total !== undefined && ids.length >= props.loaded && props.total > ids.length
  return (
    <Paper withBorder p="xs" role="region" aria-label={t('list.selected', { count: ids.length })}>
      <Group gap="sm">
        <Text size="sm" fw={600} aria-live="polite">
          {t('list.selected', { count: ids.length })}
        </Text>
        <BulkEdit
          fields={props.fields}
          count={ids.length}
          isBusy={isBusy}
          onSave={(f, v) => void edit(f, v)}
        />
        <BulkTagMenu
          onApply={(tg) => void tag(tg, 'apply')}
          onRemove={(tg) => void tag(tg, 'remove')}
        />
        <Menu withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconUserCheck size={14} />}>
              {t('list.assignOwner')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {props.owners.map((o) => (
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
      {isCapped && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('bulk.loadedOnly', { count: ids.length, total: props.total })}
        </Text>
      )}
    </Paper>
  )
}
