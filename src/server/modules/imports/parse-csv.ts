import { decodeText, detectEncoding, type TextEncoding } from './parse-encoding'
import type { ImportProblem } from '../../../shared/import-problems'
import {
  badHeader,
  ImportFileError,
  tableFrom,
  type ParsedRow,
  type ParsedTable,
} from './parse-types'

// RFC 4180 CSV with the forms spreadsheets really write: any of , ; tab | as the delimiter,
// CRLF or LF, quotes doubled inside quoted cells. Scanning jumps with indexOf, and the next
// delimiter and line break are remembered, so a 10 MB cell costs one slice, not ten million
// string appends, and a file with no CR is not rescanned to its end for every cell.
// The splitter takes text piece by piece: a file is read as a stream, never whole.

export const delimiters = [',', ';', '\t', '|'] as const
export type Delimiter = (typeof delimiters)[number]

export type CsvRecord = { line: number; cells: string[]; error?: ImportProblem }

/** Longest unfinished record kept while waiting for more text (a quote that never closes). */
export const maxRecordChars = 32 * 1024 * 1024

type Scan = { cells: string[]; end: number; newlines: number; error?: ImportProblem }

/** Next position of `ch` at or after `from` in `text`, remembering the last answer. */
class Finder {
  private at = -2
  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}
  next(from: number): number {
    if (this.at === -1 || (this.at >= from && this.at !== -2)) return this.at
    this.at = this.text.indexOf(this.ch, from)
    return this.at
  }
}

export class CsvSplitter {
  private rest = ''
  private line = 1
  private stopped = false

  constructor(private readonly delimiter: string) {}

  /**
   * The records completed by this piece of text. With `final`, also the last record, and an
   * unclosed quote fails its record and ends the file (nothing after it can be trusted).
   */
  push(piece: string, final = false): CsvRecord[] {
    const out: CsvRecord[] = []
    if (this.stopped) return out
    const text = this.rest + piece
    const n = text.length
    const finders = {
      d: new Finder(text, this.delimiter),
      r: new Finder(text, '\r'),
      nl: new Finder(text, '\n'),
    }
    let i = 0
    while (i < n) {
      const s = this.scan(text, i, finders, final)
      if (!s) break
      out.push(
        s.error
          ? { line: this.line, cells: s.cells, error: s.error }
          : { line: this.line, cells: s.cells },
      )
      this.line += s.newlines
      i = s.end
      if (s.error) {
        this.stopped = true
        this.rest = ''
        return out
      }
    }
    this.rest = text.slice(i)
    if (!final && this.rest.length > maxRecordChars) {
      // Waiting longer would hold the rest of the file in memory: the quote never closes.
      out.push({
        line: this.line,
        cells: [],
        error: { code: 'import_unclosed_quote', params: { line: this.line } },
      })
      this.stopped = true
      this.rest = ''
    }
    return out
  }

  private boundary(f: { d: Finder; r: Finder; nl: Finder }, from: number, n: number): number {
    let end = n
    for (const p of [f.d.next(from), f.r.next(from), f.nl.next(from)])
      if (p >= 0 && p < end) end = p
    return end
  }

  /** One record from `i`, or null when it may continue in text not read yet. */
  private scan(
    text: string,
    start: number,
    f: { d: Finder; r: Finder; nl: Finder },
    final: boolean,
  ): Scan | null {
    const n = text.length
    const cells: string[] = []
    let newlines = 0
    let i = start
    for (;;) {
      if (text[i] === '"') {
        let value = ''
        let j = i + 1
        for (;;) {
          const q = text.indexOf('"', j)
          if (q < 0 || (q + 1 >= n && !final)) {
            if (!final) return null
            return {
              cells,
              end: n,
              newlines,
              error: { code: 'import_unclosed_quote', params: { line: this.line + newlines } },
            }
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
        for (let p = f.nl.next(i); p >= 0 && p < j; p = f.nl.next(p + 1)) newlines++
        // Text after a closing quote (`"a"b`) is kept, as spreadsheets do.
        const end = this.boundary(f, j, n)
        if (end === n && !final) return null
        cells.push(value + text.slice(j, end))
        i = end
      } else {
        const end = this.boundary(f, i, n)
        if (end === n && !final) return null
        cells.push(text.slice(i, end))
        i = end
      }
      if (text.startsWith(this.delimiter, i)) {
        i += this.delimiter.length
        continue
      }
      if (text[i] === '\r') {
        i++
        // A CR at the end of the text read so far may be followed by its LF in the next piece.
        if (i === n && !final) return null
      }
      if (text[i] === '\n') i++
      return { cells, end: i, newlines: newlines + 1 }
    }
  }
}

/** Splits text into records; an unclosed quote fails from its line on instead of eating the file. */
export function splitCsv(text: string, delimiter: string, limit = Infinity): CsvRecord[] {
  const out = new CsvSplitter(delimiter).push(text, true)
  return out.length > limit ? out.slice(0, limit) : out
}

/**
 * Picks the delimiter whose first records have the most consistent cell count (more than one
 * cell); a tie goes to more columns, then to the order , ; tab |. `complete` says whether
 * `text` is the whole file or only its beginning.
 */
export function sniffDelimiter(text: string, complete = true): Delimiter {
  const sample = text.slice(0, 64 * 1024)
  const isCut = !complete || sample.length < text.length
  let best: { d: Delimiter; score: number; width: number } = { d: ',', score: 0, width: 1 }
  for (const d of delimiters) {
    // Blank lines say nothing about the delimiter; a record of empty cells still counts them.
    const records = splitCsv(sample, d, 50).filter((r) => r.cells.length > 1 || r.cells[0] !== '')
    // The last sampled record may be cut off by the sample's end.
    if (records.length > 1 && isCut) records.pop()
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

/** A whole CSV file in memory (tests, small files); the job reads files with parse-stream. */
export function parseCsv(bytes: Uint8Array, opts: CsvOptions = {}): CsvResult {
  const encoding = opts.encoding ?? detectEncoding(bytes)
  const text = decodeText(bytes, encoding)
  if (text.trim() === '') throw new ImportFileError('import_empty_file', 'The file is empty')
  const delimiter = opts.delimiter ?? sniffDelimiter(text)
  const [header, ...records] = splitCsv(text, delimiter)
  if (!header || header.error) throw badHeader(header)
  const rows: ParsedRow[] = records.map((r) => ({ ...r }))
  return { ...tableFrom(header.cells, rows), encoding, delimiter }
}
