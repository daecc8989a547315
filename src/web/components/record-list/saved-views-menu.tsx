import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBookmark, IconChevronDown, IconDeviceFloppy, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ColumnVisibilityState } from '@tanstack/react-table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FilterOp } from '../../../shared/common.schema'
import { createView, deleteView, listViews, updateView } from '../../../shared/views.api'
import type { SavedView, ViewObject, ViewQuery } from '../../../shared/views.schema'
import { useMe } from '../../features/auth/auth.queries'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'
import { ConfirmModal } from '../ui/confirm-modal'
import { viewToParams, type FilterRow } from './list-types'
import { SaveViewModal } from './save-view-modal'

export type ListState = {
  q: string
  sort: string | undefined
  filters: FilterRow[]
  visibility: ColumnVisibilityState
}

type Props = {
  objectType: ViewObject
  columnIds: string[]
  state: ListState
  /** The open view comes from the address (`?view=`), so it survives reloads and shared links. */
  activeId: string | null
  onApply: (state: ListState, viewId: string) => void
  onActiveChange: (viewId: string | null) => void
}

function toQuery(state: ListState, columnIds: string[]): ViewQuery {
  const { q, sort, filter } = viewToParams(state)
  return { q, sort, filter, columns: columnIds.filter((id) => state.visibility[id] !== false) }
}

function toState(query: ViewQuery, columnIds: string[]): ListState {
  const filters = Object.entries(query.filter ?? {}).flatMap(([field, ops]) =>
    Object.entries(ops).map(([op, value]) => ({ field, op: op as FilterOp, value: value ?? '' })),
  )
  const shown = query.columns
  const visibility = shown
    ? Object.fromEntries(columnIds.map((id) => [id, shown.includes(id)]))
    : {}
  return { q: query.q ?? '', sort: query.sort, filters, visibility }
}

/** Saved views of a list (personal or shared): save the current one, open one, delete one. */
export function SavedViewsMenu(props: Props) {
  const { objectType, columnIds, state, activeId, onApply, onActiveChange } = props
  const { t } = useTranslation()
  const me = useMe()
  const qc = useQueryClient()
  const key = ['views', objectType]
  const views = useQuery({ queryKey: key, queryFn: () => listViews(api, objectType) })
  const [isSaving, setSaving] = useState(false)
  const [isDeleting, setDeleting] = useState(false)
  const refresh = () => void qc.invalidateQueries({ queryKey: key })
  const onError = (e: unknown) => notifyError(e, t('common.error'))
  const save = useMutation({
    mutationFn: (v: { name: string; isShared: boolean }) =>
      createView(api, { objectType, ...v, query: toQuery(state, columnIds) }),
    onSuccess: (view) => {
      setActive(view)
      refresh()
      notifications.show({ message: t('views.saved', { name: view.name }) })
    },
  })
  const overwrite = useMutation({
    mutationFn: (view: SavedView) => updateView(api, view.id, { query: toQuery(state, columnIds) }),
    onSuccess: (view) => {
      setActive(view)
      refresh()
      notifications.show({ message: t('views.updated', { name: view.name }) })
    },
    onError,
  })
  const remove = useMutation({
    mutationFn: (view: SavedView) => deleteView(api, view.id),
    onSuccess: () => {
      setActive(null)
      refresh()
      notifications.show({ message: t('views.deleted') })
    },
    onError,
    onSettled: () => setDeleting(false),
  })

  const all = views.data?.data ?? []
  const active = all.find((v) => v.id === activeId) ?? null
  const setActive = (view: SavedView | null) => onActiveChange(view?.id ?? null)
  const canChange = active && (active.ownerId === me.data?.user.id || me.data?.role === 'admin')
  const open = (view: SavedView) => {
    onApply(toState(view.query, columnIds), view.id)
  }
  const group = (label: string, list: SavedView[]) =>
    list.length > 0 && [
      <Menu.Label key={label}>{label}</Menu.Label>,
      ...list.map((v) => (
        <Menu.Item
          key={v.id}
          onClick={() => open(v)}
          aria-current={v.id === active?.id || undefined}
        >
          {v.name}
        </Menu.Item>
      )),
    ]

  return (
    <>
      <Menu withinPortal position="bottom-start">
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} />}
            rightSection={<IconChevronDown size={14} />}
          >
            {active ? t('views.current', { name: active.name }) : t('views.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {all.length === 0 && <Menu.Label>{t('views.none')}</Menu.Label>}
          {group(
            t('views.shared'),
            all.filter((v) => v.isShared),
          )}
          {group(
            t('views.personal'),
            all.filter((v) => !v.isShared),
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={() => setSaving(true)}>
            {t('views.saveCurrent')}
          </Menu.Item>
          {active && canChange && (
            <>
              <Menu.Item onClick={() => overwrite.mutate(active)}>
                {t('views.overwrite', { name: active.name })}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => setDeleting(true)}
              >
                {t('views.delete', { name: active.name })}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {/* Mounted only while open, so each save starts from an empty form. */}
      {isSaving && (
        <SaveViewModal
          opened
          isBusy={save.isPending}
          error={save.error}
          onSave={(v) => save.mutate(v, { onSuccess: () => setSaving(false) })}
          onClose={() => {
            save.reset()
            setSaving(false)
          }}
        />
      )}
      <ConfirmModal
        opened={isDeleting}
        title={t('views.deleteTitle')}
        message={t('views.deleteConfirm', { name: active?.name ?? '' })}
        confirmLabel={t('common.delete')}
        isBusy={remove.isPending}
        onConfirm={() => active && remove.mutate(active)}
        onClose={() => setDeleting(false)}
      />
    </>
  )
}
