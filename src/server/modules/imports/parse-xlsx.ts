import type ExcelJS from 'exceljs'
import { ImportFileError, tableFrom, type ParsedRow, type ParsedTable } from './parse-types'

// XLSX through exceljs. Cells become the text a person sees: dates as YYYY-MM-DD, formulas as
// their cached result, rich text and hyperlinks as their text.

export type XlsxResult = ParsedTable & { sheets: string[]; sheet: string }

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // Loaded on the first workbook, not at start: exceljs holds ~18 MB of heap.
  const { default: excel } = await import('exceljs')
  const wb = new excel.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  } catch {
    throw new ImportFileError(
      'import_bad_xlsx',
      'The workbook cannot be read; save it again as XLSX',
    )
  }
  return wb
}

export async function listSheets(bytes: Uint8Array): Promise<string[]> {
  return (await loadWorkbook(bytes)).worksheets.map((s) => s.name)
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (typeof value !== 'object') return String(value)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null)
  if ('text' in value) return String(value.text)
  if ('error' in value) return ''
  return ''
}

function parseSheet(sheet: ExcelJS.Worksheet): ParsedTable {
  const all: ParsedRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]
    // row.values is 1-based: index 0 is always empty.
    all.push({ line: rowNumber, cells: values.slice(1).map((v) => cellText(v ?? null)) })
  })
  const [header, ...rows] = all
  if (!header) throw new ImportFileError('import_no_rows', `Sheet "${sheet.name}" is empty`)
  return tableFrom(header.cells, rows)
}

/** The named sheet; without a name the first sheet that has a table (cover sheets are common). */
export async function parseXlsx(bytes: Uint8Array, sheetName?: string): Promise<XlsxResult> {
  const wb = await loadWorkbook(bytes)
  const sheets = wb.worksheets.map((s) => s.name)
  if (sheetName) {
    const sheet = wb.getWorksheet(sheetName)
    if (!sheet)
      throw new ImportFileError('import_no_sheet', `The workbook has no sheet "${sheetName}"`)
    return { ...parseSheet(sheet), sheets, sheet: sheet.name }
  }
  let firstError: unknown = new ImportFileError('import_empty_file', 'The workbook has no sheets')
  for (const [i, sheet] of wb.worksheets.entries()) {
    try {
      return { ...parseSheet(sheet), sheets, sheet: sheet.name }
    } catch (err) {
      if (i === 0) firstError = err
    }
  }
  throw firstError
}
