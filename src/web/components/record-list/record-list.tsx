import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconSearch, IconSearchOff } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import type { ColumnVisibilityState, RowSelectionState } from '@tanstack/react-table'
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useUsers } from '../../features/users/users.queries'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../ui/error-state'
import { EmptyHint } from '../ui/empty-hint'
import { notifyError } from '../../lib/problems'
import { BulkBar } from './bulk-bar'
import { ColumnChooser } from './column-chooser'
import { exportCsv } from './export-csv'
import { FilterBuilder } from './filter-builder'
import { viewToParams, type FilterRow, type ListConfig, type Row } from './list-types'
import { RecordTable } from './record-table'
import { SavedViewsMenu } from './saved-views-menu'
import { useRecordPages } from './use-record-pages'

type Props<T extends Row> = {
  config: ListConfig<T>
  /** Shown when the list has no records at all (not when filters hide them). */
  empty: { icon: ReactNode; title: string; hint: string; action: ReactNode }
}

/** The list page body shared by companies and contacts: search, filters, table, bulk actions. */
export function RecordList<T extends Row>({ config, empty }: Props<T>) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [q, setQ] = useState('')
  const [debouncedQ] = useDebouncedValue(q, 250)
  const [sort, setSort] = useState<string | undefined>()
  const [filters, setFilters] = useState<FilterRow[]>([])
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
  const visibility = { ...defaultVisibility, ...savedVisibility }

  const params = useMemo(
    () => viewToParams({ q: debouncedQ, sort, filters }),
    [debouncedQ, sort, filters],
  )
  const listKey = useMemo(() => ['list', config.objectType] as const, [config.objectType])
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
          <FilterBuilder columns={config.columns} filters={filters} onApply={setFilters} />
          <ColumnChooser
            columns={config.columns}
            visibility={visibility}
            onChange={setVisibility}
          />
          <SavedViewsMenu
            objectType={config.objectType}
            columnIds={config.columns.map((c) => c.id)}
            state={{ q, sort, filters, visibility }}
            onApply={(v) => {
              setQ(v.q)
              setSort(v.sort)
              setFilters(v.filters)
              setVisibility(v.visibility)
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
          onDelete={config.bulkDelete}
          onAssign={config.bulkAssign}
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
          onSortChange={setSort}
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
