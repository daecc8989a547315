import { PassThrough, type Readable } from 'node:stream'
import type { Contact } from '../../../shared/contacts.schema'
import { csvCell } from '../../lib/csv'
import type { Column } from './export-columns'

// Writers for one format each, fed page by page so a million rows never sit in memory at once.

/** A CSV line with any delimiter; csvCell neutralises formula-like cells (CSV injection). */
export function delimitedLine(values: unknown[], delimiter: string): string {
  const cells = values.map((v) => {
    const c = csvCell(v)
    if (delimiter === ',' || c.startsWith('"') || !c.includes(delimiter)) return c
    return `"${c.replaceAll('"', '""')}"`
  })
  return `${cells.join(delimiter)}\r\n`
}

export async function* csvChunks<T>(
  pages: AsyncIterable<T[]>,
  columns: Column<T>[],
  opts: { delimiter: string; bom: boolean },
): AsyncGenerator<string> {
  yield (
    (opts.bom ? '\uFEFF' : '') +
    delimitedLine(
      columns.map((c) => c.header),
      opts.delimiter,
    )
  )
  for await (const page of pages)
    yield page
      .map((r) =>
        delimitedLine(
          columns.map((c) => c.value(r)),
          opts.delimiter,
        ),
      )
      .join('')
}

function vcardText(v: string | null | undefined): string {
  return (v ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/[,;]/g, (m) => `\\${m}`)
}

/** Folds at 75 characters as RFC 6350 asks; continuation lines start with a space. */
function fold(line: string): string {
  if (line.length <= 75) return line
  const parts = [line.slice(0, 75)]
  for (let i = 75; i < line.length; i += 74) parts.push(` ${line.slice(i, i + 74)}`)
  return parts.join('\r\n')
}

export function contactVcard(c: Contact): string {
  const fn = [c.firstName, c.lastName].filter(Boolean).join(' ') || c.emails[0]?.address || ''
  const company = c.companies.find((x) => x.isPrimary) ?? c.companies[0]
  const a = c.address
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${vcardText(fn)}`,
    `N:${vcardText(c.lastName)};${vcardText(c.firstName)};;;`,
    ...c.emails.map((e) => `EMAIL${e.primary ? ';PREF=1' : ''}:${vcardText(e.address)}`),
    ...c.phones.map((p) => `TEL;VALUE=uri:tel:${p.number}`),
    ...(company ? [`ORG:${vcardText(company.name)}`] : []),
    ...(c.title ? [`TITLE:${vcardText(c.title)}`] : []),
    ...(a
      ? [
          `ADR:;;${vcardText(a.street)};${vcardText(a.city)};;${vcardText(a.postalCode)};${vcardText(a.country)}`,
        ]
      : []),
    ...(c.birthDate ? [`BDAY:${c.birthDate.replaceAll('-', '')}`] : []),
    `UID:urn:uuid:${c.id}`,
    'END:VCARD',
  ]
  return `${lines.map(fold).join('\r\n')}\r\n`
}

export async function* vcardChunks(pages: AsyncIterable<Contact[]>): AsyncGenerator<string> {
  for await (const page of pages) yield page.map(contactVcard).join('')
}

/** An XLSX written with exceljs' streaming writer into the returned stream. */
export function xlsxStream<T>(
  pages: AsyncIterable<T[]>,
  columns: Column<T>[],
  sheetName: string,
  onError: (err: unknown) => void,
): Readable {
  const out = new PassThrough()
  void (async () => {
    // Loaded on the first XLSX, not at start: exceljs holds ~18 MB of heap.
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false })
    const sheet = wb.addWorksheet(sheetName)
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: 20 }))
    for await (const page of pages)
      for (const r of page)
        sheet
          .addRow(
            columns.map((c) => {
              const v = c.value(r)
              return v === null || v === undefined
                ? null
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : v
            }),
          )
          .commit()
    sheet.commit()
    await wb.commit()
  })().catch((err: unknown) => {
    onError(err)
    out.destroy(err instanceof Error ? err : new Error(String(err)))
  })
  return out
}
