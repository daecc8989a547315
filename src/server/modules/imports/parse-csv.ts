import { decodeText, detectEncoding, type TextEncoding } from './parse-encoding'
import { ImportFileError, tableFrom, type ParsedRow, type ParsedTable } from './parse-types'

// RFC 4180 CSV with the forms spreadsheets really write: any of , ; tab | as the delimiter,
// CRLF or LF, quotes doubled inside quoted cells. Scanning jumps with indexOf, so a 10 MB cell
// costs one slice, not ten million string appends.

export const delimiters = [',', ';', '\t', '|'] as const
export type Delimiter = (typeof delimiters)[number]

type Record = { line: number; cells: string[]; error?: string }

/** Splits text into records; an unclosed quote fails from its line on instead of eating the file. */
export function splitCsv(text: string, delimiter: string, limit = Infinity): Record[] {
  const out: Record[] = []
  let i = 0
  let line = 1
  const n = text.length
  while (i < n && out.length < limit) {
    const start = line
    const cells: string[] = []
    for (;;) {
      if (text[i] === '"') {
        let value = ''
        let j = i + 1
        for (;;) {
          const q = text.indexOf('"', j)
          if (q < 0) {
            out.push({ line: start, cells, error: `Quote opened on line ${line} is never closed` })
            return out
          }
          value += text.slice(j, q)
          if (text[q + 1] === '"') {
            value += '"'
            j = q + 2
          } else {
            j = q + 1
            break
          }
        }
        line += countNewlines(text, i, j)
        // Text after a closing quote (`"a"b`) is kept, as spreadsheets do.
        const end = nextBoundary(text, j, delimiter)
        cells.push(value + text.slice(j, end))
        i = end
      } else {
        const end = nextBoundary(text, i, delimiter)
        cells.push(text.slice(i, end))
        i = end
      }
      if (text.startsWith(delimiter, i)) {
        i += delimiter.length
        continue
      }
      if (text[i] === '\r') i++
      if (text[i] === '\n') i++
      line++
      break
    }
    out.push({ line: start, cells })
  }
  return out
}

function nextBoundary(text: string, from: number, delimiter: string): number {
  const d = text.indexOf(delimiter, from)
  const r = text.indexOf('\r', from)
  const nl = text.indexOf('\n', from)
  let end = text.length
  for (const p of [d, r, nl]) if (p >= 0 && p < end) end = p
  return end
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) count++
  return count
}

/**
 * Picks the delimiter whose first records have the most consistent cell count (more than one
 * cell); a tie goes to more columns, then to the order , ; tab |.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024)
  let best: { d: Delimiter; score: number; width: number } = { d: ',', score: 0, width: 1 }
  for (const d of delimiters) {
    const records = splitCsv(sample, d, 50).filter((r) => r.cells.some((c) => c !== ''))
    // The last sampled record may be cut off by the sample's end.
    if (records.length > 1 && sample.length < text.length) records.pop()
    const width = records[0]?.cells.length ?? 0
    if (width < 2) continue
    const score =
      records.filter((r) => !r.error && r.cells.length === width).length / records.length
    if (score > best.score || (score === best.score && width > best.width))
      best = { d, score, width }
  }
  return best.d
}

export type CsvOptions = { encoding?: TextEncoding; delimiter?: Delimiter }
export type CsvResult = ParsedTable & { encoding: TextEncoding; delimiter: Delimiter }

export function parseCsv(bytes: Uint8Array, opts: CsvOptions = {}): CsvResult {
  const encoding = opts.encoding ?? detectEncoding(bytes)
  const text = decodeText(bytes, encoding)
  if (text.trim() === '') throw new ImportFileError('import_empty_file', 'The file is empty')
  const delimiter = opts.delimiter ?? sniffDelimiter(text)
  const [header, ...records] = splitCsv(text, delimiter)
  if (!header || header.error)
    throw new ImportFileError('import_bad_header', header?.error ?? 'The header row is unreadable')
  const rows: ParsedRow[] = records.map((r) => ({ ...r }))
  return { ...tableFrom(header.cells, rows), encoding, delimiter }
}
