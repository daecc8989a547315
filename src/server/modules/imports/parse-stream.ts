import { createReadStream } from 'node:fs'
import { CsvSplitter, sniffDelimiter, type CsvRecord, type Delimiter } from './parse-csv'
import { decodeText, sniffFormat, type TextEncoding } from './parse-encoding'
import { parseFile } from './parse-file'
import {
  badHeader,
  ImportFileError,
  isBlankRow,
  shapeRow,
  uniqueHeaders,
  type FileFormat,
  type ParsedRow,
} from './parse-types'

// Files read as a stream of byte pieces (from the upload's temporary file or from the parts
// stored in the database), so a CSV of any size is parsed with a few megabytes of memory.
// XLSX and vCard are read whole (exceljs needs the whole zip); their size is capped instead.

export type ByteSource = () => AsyncIterable<Uint8Array>

/** What the upload learnt about a file: kept with the import so later steps need no re-read. */
export type FileInfo = {
  format: FileFormat
  encoding: TextEncoding | null
  delimiter: Delimiter | null
  sheet: string | null
  sheets: string[]
  headers: string[]
  warnings: string[]
  rowsTotal: number
}

export type ScanOptions = {
  format?: FileFormat
  encoding?: TextEncoding | null
  delimiter?: Delimiter | null
  sheet?: string | null
}

/** XLSX and vCard files are parsed in memory, so they stay below this size. */
export const maxWholeFileBytes = 100 * 1024 * 1024
const headBytesLimit = 64 * 1024

export function fileSource(path: string): ByteSource {
  return () => createReadStream(path, { highWaterMark: 1024 * 1024 })
}

/** The first `max` bytes (fewer when the file is shorter). */
async function headBytes(open: ByteSource, max: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let size = 0
  for await (const piece of open()) {
    parts.push(piece)
    size += piece.byteLength
    if (size >= max) break
  }
  return Buffer.concat(parts).subarray(0, max)
}

async function wholeFile(open: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let size = 0
  for await (const piece of open()) {
    size += piece.byteLength
    if (size > maxWholeFileBytes)
      throw new ImportFileError(
        'import_file_too_large',
        `XLSX and vCard files can be at most ${maxWholeFileBytes / 1024 / 1024} MB; save a large table as CSV`,
      )
    parts.push(piece)
  }
  return Buffer.concat(parts)
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b >= 0x80 && b <= 0x9f) return true
  }
  return false
}

/** As detectEncoding, over the whole stream: BOM, else valid UTF-8, else 1252 or 8859-1. */
export async function detectStreamEncoding(open: ByteSource): Promise<TextEncoding> {
  const head = await headBytes(open, 3)
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  let isUtf8 = true
  let c1 = false
  for await (const piece of open()) {
    if (isUtf8)
      try {
        utf8.decode(piece, { stream: true })
      } catch {
        isUtf8 = false
      }
    if (!c1) c1 = hasC1Bytes(piece)
    if (!isUtf8 && c1) break
  }
  if (isUtf8)
    try {
      utf8.decode()
    } catch {
      isUtf8 = false
    }
  if (isUtf8) return 'utf-8'
  return c1 ? 'windows-1252' : 'iso-8859-1'
}

/** The text of the stream piece by piece; multi-byte characters split between pieces survive. */
export async function* decodeStream(
  open: ByteSource,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const skip = encoding === 'utf-8-bom' ? 3 : encoding.startsWith('utf-16') ? 2 : 0
  const label =
    encoding === 'utf-8-bom' ? 'utf-8' : encoding === 'iso-8859-1' ? 'windows-1252' : encoding
  const decoder = new TextDecoder(label, { ignoreBOM: true })
  let skipped = 0
  for await (const piece of open()) {
    let bytes = piece
    if (skipped < skip) {
      const k = Math.min(skip - skipped, bytes.byteLength)
      bytes = bytes.subarray(k)
      skipped += k
    }
    const text = decoder.decode(bytes, { stream: true })
    if (text) yield text
  }
  const last = decoder.decode()
  if (last) yield last
}

async function* csvRecords(
  open: ByteSource,
  encoding: TextEncoding,
  delimiter: Delimiter,
  onText?: (text: string) => void,
): AsyncGenerator<CsvRecord[]> {
  const splitter = new CsvSplitter(delimiter)
  for await (const text of decodeStream(open, encoding)) {
    onText?.(text)
    const records = splitter.push(text)
    if (records.length) yield records
  }
  const records = splitter.push('', true)
  if (records.length) yield records
}

/** Reads the file once: format, encoding, delimiter, header and the number of data rows. */
export async function scanFile(
  open: ByteSource,
  filename: string,
  opts: ScanOptions = {},
): Promise<FileInfo> {
  const head = await headBytes(open, headBytesLimit)
  const format = opts.format ?? sniffFormat(head, filename)
  if (format !== 'csv') {
    const t = await parseFile(await wholeFile(open), filename, { format, sheet: opts.sheet })
    return {
      format,
      encoding: null,
      delimiter: null,
      sheet: t.sheet,
      sheets: t.sheets,
      headers: t.headers,
      warnings: t.warnings,
      rowsTotal: t.rows.length,
    }
  }
  if (head.byteLength === 0) throw new ImportFileError('import_empty_file', 'The file is empty')
  const encoding = opts.encoding ?? (await detectStreamEncoding(open))
  const delimiter =
    opts.delimiter ?? sniffDelimiter(decodeText(head, encoding), head.byteLength < headBytesLimit)
  let header: CsvRecord | undefined
  let rowsTotal = 0
  let sawText = false
  const seeText = (text: string) => {
    sawText ||= /\S/.test(text)
  }
  for await (const records of csvRecords(open, encoding, delimiter, seeText))
    for (const r of records) {
      if (!header) header = r
      else if (!isBlankRow(r)) rowsTotal++
    }
  if (!sawText) throw new ImportFileError('import_empty_file', 'The file is empty')
  if (!header || header.error) throw badHeader(header)
  if (!header.cells.some((h) => h.trim()))
    throw new ImportFileError('import_no_header', 'The first row has no column names')
  if (rowsTotal === 0)
    throw new ImportFileError('import_no_rows', 'The file has a header but no data rows')
  const { headers, warnings } = uniqueHeaders(header.cells)
  return {
    format,
    encoding,
    delimiter,
    sheet: null,
    sheets: [],
    headers,
    warnings,
    rowsTotal,
  }
}

/** The data rows (blank ones left out, each shaped to the header) in batches of a few thousand. */
export async function* rowBatches(open: ByteSource, info: FileInfo): AsyncGenerator<ParsedRow[]> {
  if (info.format !== 'csv') {
    const t = await parseFile(await wholeFile(open), 'file', {
      format: info.format,
      sheet: info.sheet,
    })
    for (let i = 0; i < t.rows.length; i += 5000) yield t.rows.slice(i, i + 5000)
    return
  }
  const width = info.headers.length
  let isHeader = true
  for await (const records of csvRecords(open, info.encoding ?? 'utf-8', info.delimiter ?? ',')) {
    const rows: ParsedRow[] = []
    for (const r of records) {
      if (isHeader) {
        isHeader = false
        continue
      }
      if (!isBlankRow(r)) rows.push(shapeRow(r, width))
    }
    if (rows.length) yield rows
  }
}

/** Takes rows from the batches in the counts a chunk needs, and knows when none are left. */
export class RowReader {
  private buffer: ParsedRow[] = []
  private at = 0
  private ended = false
  private readonly batches: AsyncIterator<ParsedRow[]>

  constructor(batches: AsyncIterable<ParsedRow[]>) {
    this.batches = batches[Symbol.asyncIterator]()
  }

  private async fill(want: number): Promise<void> {
    while (!this.ended && this.buffer.length - this.at < want) {
      const next = await this.batches.next()
      if (next.done) this.ended = true
      else {
        this.buffer = this.buffer.slice(this.at).concat(next.value)
        this.at = 0
      }
    }
  }

  /** Up to `n` rows; fewer only at the end of the file. */
  async take(n: number): Promise<ParsedRow[]> {
    await this.fill(n + 1)
    const rows = this.buffer.slice(this.at, this.at + n)
    this.at += rows.length
    return rows
  }

  async skip(n: number): Promise<void> {
    let left = n
    while (left > 0) {
      await this.fill(Math.min(left, 50_000))
      const k = Math.min(left, this.buffer.length - this.at)
      if (k === 0) return
      this.at += k
      left -= k
    }
  }

  /** True when every row has been taken (take() reads one row ahead to know). */
  get isAtEnd(): boolean {
    return this.ended && this.at >= this.buffer.length
  }

  async close(): Promise<void> {
    await this.batches.return?.()
  }
}
