import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconSearch, IconSearchOff } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import type { ColumnVisibilityState, RowSelectionState } from '@tanstack/react-table'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useUsers } from '../../features/users/users.queries'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../ui/error-state'
import { EmptyHint } from '../ui/empty-hint'
import { notifyError } from '../../lib/problems'
import { BulkBar } from './bulk-bar'
import { ColumnChooser } from './column-chooser'
import { exportCsv } from './export-csv'
import { FilterBuilder } from './filter-builder'
import { viewToParams, type ListConfig, type Row } from './list-types'
import { RecordTable } from './record-table'
import { SavedViewsMenu } from './saved-views-menu'
import { useListUrlState } from './use-list-url-state'
import { listKeyOf, useRecordPages } from './use-record-pages'

type Props<T extends Row> = {
  config: ListConfig<T>
  /** Shown when the list has no records at all (not when filters hide them). */
  empty: { icon: ReactNode; title: string; hint: string; action: ReactNode }
}

/** The list page body shared by companies and contacts: search, filters, table, bulk actions. */
export function RecordList<T extends Row>({ config, empty }: Props<T>) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [url, setUrl] = useListUrlState()
  const { sort, filters } = url
  const [q, setQ] = useState(url.q)
  const [debouncedQ] = useDebouncedValue(q, 250)
  const urlQ = useRef(url.q)
  urlQ.current = url.q
  // Typing reaches the address after a pause, replacing the entry so Back skips keystrokes. Only
  // a new debounced value writes: setUrl changes with every address, and must not undo Back.
  const typed = useRef(debouncedQ)
  useEffect(() => {
    if (typed.current === debouncedQ) return
    typed.current = debouncedQ
    if (debouncedQ.trim() !== urlQ.current) setUrl({ q: debouncedQ }, { replace: true })
  }, [debouncedQ, setUrl])
  // Back, forward or an opened view changed the address: the search box follows.
  useEffect(() => setQ((current) => (current.trim() === url.q ? current : url.q)), [url.q])
  const [selection, setSelection] = useState<RowSelectionState>({})
  const [exported, setExported] = useState<number | null>(null)
  const defaultVisibility = useMemo(
    () => Object.fromEntries(config.columns.map((c) => [c.id, !c.isHiddenByDefault])),
    [config.columns],
  )
  const [savedVisibility, setVisibility] = useLocalStorage<ColumnVisibilityState>({
    key: `suhde.columns.${config.objectType}`,
    defaultValue: {},
  })
  const shown = url.columns
  const visibility = shown
    ? Object.fromEntries(config.columns.map((c) => [c.id, shown.includes(c.id)]))
    : { ...defaultVisibility, ...savedVisibility }
  const changeVisibility = (v: ColumnVisibilityState) => {
    setVisibility(v)
    setUrl({ columns: config.columns.filter((c) => v[c.id] !== false).map((c) => c.id) })
  }

  const params = useMemo(() => viewToParams({ q: url.q, sort, filters }), [url.q, sort, filters])
  const listKey = useMemo(() => listKeyOf(config.objectType), [config.objectType])
  const pages = useRecordPages(listKey, params, config.fetchPage)
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages
  const needMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  const selectedIds = Object.keys(selection).filter((id) => selection[id])
  const isFiltered = Boolean(params.q || params.filter)
  const { users } = useUsers()
  const refresh = () => {
    setSelection({})
    void qc.invalidateQueries({ queryKey: listKey })
  }

  const runExport = async () => {
    setExported(0)
    try {
      const visible = config.columns.filter((c) => visibility[c.id] !== false)
      const count = await exportCsv({
        params,
        columns: visible,
        fetchPage: config.fetchPage,
        fileName: `${config.objectType}-${new Date().toISOString().slice(0, 10)}.csv`,
        onProgress: setExported,
      })
      notifications.show({ message: t('list.exported', { count }) })
    } catch (error) {
      notifyError(error, t('common.error'))
    } finally {
      setExported(null)
    }
  }

  if (pages.isError) return <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
  const isEmpty = !pages.isPending && pages.rows.length === 0

  return (
    <Stack gap="sm">
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <TextInput
            aria-label={t('list.quickSearch')}
            placeholder={t('list.quickSearch')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={260}
          />
          <FilterBuilder
            columns={config.columns}
            filters={filters}
            onApply={(f) => setUrl({ filters: f })}
          />
          <ColumnChooser
            columns={config.columns}
            visibility={visibility}
            onChange={changeVisibility}
          />
          <SavedViewsMenu
            objectType={config.objectType}
            columnIds={config.columns.map((c) => c.id)}
            state={{ q, sort, filters, visibility }}
            activeId={url.viewId}
            onActiveChange={(viewId) => setUrl({ viewId }, { replace: true })}
            onApply={(v, viewId) => {
              setQ(v.q)
              const cols = config.columns.filter((c) => v.visibility[c.id] !== false)
              setUrl({
                q: v.q,
                sort: v.sort,
                filters: v.filters,
                columns: Object.keys(v.visibility).length ? cols.map((c) => c.id) : undefined,
                viewId,
              })
            }}
          />
        </Group>
        <Group gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {pages.total !== undefined
              ? t('list.total', { count: pages.total })
              : t('list.rows', { count: pages.rows.length })}
          </Text>
          <Button
            variant="default"
            leftSection={exported === null ? <IconDownload size={16} /> : <Loader size={14} />}
            onClick={() => void runExport()}
            disabled={exported !== null || isEmpty}
          >
            {exported === null ? t('list.export') : t('list.exporting', { count: exported })}
          </Button>
        </Group>
      </Group>
      {selectedIds.length > 0 && (
        <BulkBar
          objectType={config.objectType}
          ids={selectedIds}
          listKey={listKey}
          fields={config.bulkFields}
          loaded={pages.rows.length}
          total={pages.total}
          onDelete={config.bulkDelete}
          onAssign={config.bulkAssign}
          onUpdate={config.bulkUpdate}
          owners={users}
          onRestore={config.restore}
          onDone={refresh}
        />
      )}
      {isEmpty && !isFiltered ? (
        <EmptyHint {...empty} />
      ) : isEmpty ? (
        <EmptyHint
          icon={<IconSearchOff />}
          title={t('list.noMatches')}
          hint={t('list.noMatchesHint')}
        />
      ) : (
        <RecordTable
          rows={pages.rows}
          columns={config.columns}
          visibility={visibility}
          selection={selection}
          onSelectionChange={setSelection}
          sort={sort}
          onSortChange={(s) => setUrl({ sort: s })}
          rowPath={config.rowPath}
          rowLabel={config.rowLabel}
          isLoading={pages.isPending || isFetchingNextPage}
          hasMore={Boolean(hasNextPage)}
          onNeedMore={needMore}
        />
      )}
    </Stack>
  )
}
