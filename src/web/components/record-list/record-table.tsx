import { Checkbox, Skeleton, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react'
import {
  columnVisibilityFeature,
  rowSelectionFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type RowSelectionState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatValue } from '../../lib/format'
import type { ColumnSpec, Row } from './list-types'
import classes from './record-table.module.css'

const features = tableFeatures({ columnVisibilityFeature, rowSelectionFeature })
const rowHeight = 40

type Props<T extends Row> = {
  rows: T[]
  columns: ColumnSpec<T>[]
  visibility: ColumnVisibilityState
  selection: RowSelectionState
  onSelectionChange: (s: RowSelectionState) => void
  sort: string | undefined
  onSortChange: (sort: string | undefined) => void
  rowPath: (row: T) => string
  rowLabel: (row: T) => string
  isLoading: boolean
  hasMore: boolean
  onNeedMore: () => void
}

function nextSort(current: string | undefined, id: string): string | undefined {
  if (current === id) return `-${id}`
  if (current === `-${id}`) return undefined
  return id
}

/** A virtualised table: only the rows in view are in the DOM, so 1M-row lists stay smooth. */
export function RecordTable<T extends Row>(props: Props<T>) {
  const { t } = useTranslation()
  const { columns, rowPath, onSelectionChange } = props
  const columnDefs = useMemo<ColumnDef<typeof features, T>[]>(
    () => columns.map((c) => ({ id: c.id, header: c.label, accessorFn: c.value, size: c.width })),
    [columns],
  )
  const table = useTable({
    features,
    columns: columnDefs,
    data: props.rows,
    getRowId: (row, index) => row.id ?? String(index),
    state: { columnVisibility: props.visibility, rowSelection: props.selection },
    onRowSelectionChange: (updater) =>
      onSelectionChange(typeof updater === 'function' ? updater(props.selection) : updater),
  })
  const rows = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0
  const { hasMore, isLoading, onNeedMore } = props

  // Fetch the next page before the user reaches the end of what is loaded.
  useEffect(() => {
    if (hasMore && !isLoading && lastIndex >= rows.length - 30) onNeedMore()
  }, [hasMore, isLoading, lastIndex, rows.length, onNeedMore])

  const specById = new Map(columns.map((c) => [c.id, c]))
  const visibleColumns = table.getVisibleLeafColumns()
  // 110 px is the least a column without its own width gets, so the default columns of a
  // list fit a 1280-px window beside the navigation without sideways scrolling.
  const template = `44px ${visibleColumns.map((c) => `minmax(${specById.get(c.id)?.width ?? 110}px, 1fr)`).join(' ')}`

  const cellSpec = (id: string) => specById.get(id)
  return (
    <div ref={scrollRef} className={classes.scroller}>
      <table className={classes.table} aria-rowcount={rows.length + 1}>
        <thead className={classes.head}>
          <tr className={classes.row} style={{ gridTemplateColumns: template }}>
            <th className={classes.cell}>
              <Checkbox
                aria-label={t('list.selectAll')}
                checked={table.getIsAllRowsSelected()}
                indeterminate={table.getIsSomeRowsSelected()}
                onChange={table.getToggleAllRowsSelectedHandler()}
              />
            </th>
            {visibleColumns.map((column) => (
              <SortHeader
                key={column.id}
                spec={cellSpec(column.id)}
                sort={props.sort}
                onSortChange={props.onSortChange}
              />
            ))}
          </tr>
        </thead>
        <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            const label = props.rowLabel(row.original) || t('common.none')
            return (
              <tr
                key={row.id}
                className={classes.row}
                data-selected={row.getIsSelected() || undefined}
                aria-rowindex={item.index + 2}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
              >
                <td className={classes.cell}>
                  <Checkbox
                    aria-label={t('list.selectRow', { name: label })}
                    checked={row.getIsSelected()}
                    onChange={() => row.toggleSelected()}
                  />
                </td>
                {row.getVisibleCells().map((cell, i) => (
                  <td key={cell.id} className={classes.cell}>
                    {i === 0 ? (
                      <Link to={rowPath(row.original)} className={classes.link}>
                        {renderCell(cellSpec(cell.column.id), row.original) || label}
                      </Link>
                    ) : (
                      renderCell(cellSpec(cell.column.id), row.original)
                    )}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      {props.isLoading && (
        <div className={classes.loading} aria-busy="true" aria-label={t('app.loading')}>
          {Array.from({ length: rows.length ? 2 : 10 }, (_, i) => (
            <Skeleton key={i} height={24} my={8} />
          ))}
        </div>
      )}
    </div>
  )
}

// Read through the spec, not cell.getValue(): the table caches values per row, and a column
// whose labels arrive later (owner names) must show them without new row data.
function renderCell<T extends Row>(spec: ColumnSpec<T> | undefined, row: T) {
  if (!spec) return null
  return spec.render ? spec.render(row) : formatValue(spec.value(row))
}

/** A column header; sortable ones toggle ascending → descending → unsorted on click. */
function SortHeader<T extends Row>(props: {
  spec: ColumnSpec<T> | undefined
  sort: string | undefined
  onSortChange: (sort: string | undefined) => void
}) {
  const { t } = useTranslation()
  const { spec, sort } = props
  if (!spec) return <th className={classes.cell} />
  const dir = sort === spec.id ? 'ascending' : sort === `-${spec.id}` ? 'descending' : undefined
  return (
    <th className={classes.cell} aria-sort={dir ?? 'none'} scope="col">
      {spec.isSortable ? (
        <UnstyledButton
          className={classes.sortButton}
          onClick={() => props.onSortChange(nextSort(sort, spec.id))}
          aria-label={t('list.sortBy', { column: spec.label })}
        >
          {spec.label}
          {dir === 'ascending' && <IconArrowUp size={14} />}
          {dir === 'descending' && <IconArrowDown size={14} />}
        </UnstyledButton>
      ) : (
        spec.label
      )}
    </th>
  )
}
