// What every file parser returns: a header row and data rows of plain strings, so mapping,
// preview and the job work the same way for CSV, XLSX and vCard.

import { importProblemText, type ImportProblem } from '../../../shared/import-problems'

export type ParsedRow = {
  /** Line (CSV), row (XLSX) or card (vCard) number in the file, for error reports. */
  line: number
  cells: string[]
  /** Set when the row cannot be imported as it is, e.g. more cells than headers. */
  error?: ImportProblem
}

export type ParsedTable = {
  headers: string[]
  rows: ParsedRow[]
  warnings: string[]
}

export type FileFormat = 'csv' | 'xlsx' | 'vcard'

/** A file that cannot be read at all; `code` is a field issue code with fi/en messages. */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Longest cell accepted; a longer one fails its row instead of the whole import. */
export const maxCellChars = 100_000

/** Makes header names unique ("Email", "Email (2)") and reports the duplicates. */
export function uniqueHeaders(raw: string[]): { headers: string[]; warnings: string[] } {
  const seen = new Map<string, number>()
  const warnings: string[] = []
  const headers = raw.map((h, i) => {
    const name = h.trim() || `Column ${i + 1}`
    const key = name.toLowerCase()
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    if (n === 1) return name
    warnings.push(`Duplicate column "${name}" renamed to "${name} (${n})"`)
    return `${name} (${n})`
  })
  return { headers, warnings }
}

/** Checks a data row against the header: pads a short row, fails a long one or a huge cell. */
export function shapeRow(row: ParsedRow, width: number): ParsedRow {
  if (row.error) return row
  const cells = row.cells
  let error: ImportProblem | undefined
  if (cells.length > width && cells.slice(width).some((c) => c.trim() !== ''))
    error = { code: 'import_too_many_cells', params: { cells: cells.length, width } }
  const big = cells.findIndex((c) => c.length > maxCellChars)
  if (big >= 0)
    error = { code: 'import_cell_too_long', params: { cell: big + 1, max: maxCellChars } }
  const shaped = cells.slice(0, width).map((c) => (c.length > maxCellChars ? '' : c))
  while (shaped.length < width) shaped.push('')
  return error ? { line: row.line, cells: shaped, error } : { line: row.line, cells: shaped }
}

export function shapeRows(rows: ParsedRow[], width: number): ParsedRow[] {
  return rows.map((row) => shapeRow(row, width))
}

/** Rows with no text at all are left out of imports and counts, as spreadsheets pad with them. */
export function isBlankRow(row: ParsedRow): boolean {
  return !row.error && row.cells.every((c) => c.trim() === '')
}

export function tableFrom(raw: string[], rows: ParsedRow[]): ParsedTable {
  if (!raw.some((h) => h.trim()))
    throw new ImportFileError('import_no_header', 'The first row has no column names')
  const { headers, warnings } = uniqueHeaders(raw)
  const data = rows.filter((r) => !isBlankRow(r))
  if (data.length === 0)
    throw new ImportFileError('import_no_rows', 'The file has a header but no data rows')
  return { headers, rows: shapeRows(data, headers.length), warnings }
}

/** An unreadable header row as the file error of the whole upload (English: a developer's detail). */
export function badHeader(header: ParsedRow | undefined): ImportFileError {
  return new ImportFileError(
    'import_bad_header',
    header?.error ? importProblemText(header.error, 'en') : 'The header row is unreadable',
  )
}
