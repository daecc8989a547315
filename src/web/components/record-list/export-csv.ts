import type { ListParams } from '../../../shared/api-client'
import type { Page } from '../../../shared/common.schema'
import { currentLanguage } from '../../i18n/i18n'
import { formatValue } from '../../lib/format'
import type { ColumnSpec, Row } from './list-types'

// Finnish Excel splits columns at semicolons (comma is the decimal mark), English Excel at commas.
const separators = { fi: ';', en: ',' } as const

function csvCell(value: string): string {
  // Spreadsheets run cells that start with = + - @ as formulas; a leading ' defuses them.
  // Phone numbers and signed numbers cannot carry a formula, so they stay as they are.
  const isFormulaLike = /^[=+\-@\t\r]/.test(value) && !/^[+-]?[\d\s().-]+$/.test(value)
  const safe = isFormulaLike ? `'${value}` : value
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * Writes every row of the current view (not only the loaded ones) as CSV, paging through the
 * API 500 rows at a time. `onProgress` gets the row count so far.
 */
export async function exportCsv<T extends Row>(opts: {
  params: ListParams
  columns: ColumnSpec<T>[]
  fetchPage: (params: ListParams) => Promise<Page<T>>
  fileName: string
  onProgress: (rows: number) => void
}): Promise<number> {
  const sep = separators[currentLanguage()]
  const line = (cells: string[]) => cells.map(csvCell).join(sep) + '\r\n'
  const parts: string[] = ['\uFEFF' + line(opts.columns.map((c) => c.label))]
  let cursor: string | undefined
  let count = 0
  do {
    // A search without `sort` is ranked among the best candidates only; an export wants every match.
    const sort = opts.params.sort ?? '-updatedAt'
    const page = await opts.fetchPage({ ...opts.params, sort, limit: 500, cursor })
    for (const row of page.data)
      parts.push(line(opts.columns.map((c) => formatValue(c.value(row)))))
    count += page.data.length
    opts.onProgress(count)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = opts.fileName
  link.click()
  URL.revokeObjectURL(url)
  return count
}
