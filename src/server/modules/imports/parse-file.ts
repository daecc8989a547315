import { parseCsv, type Delimiter } from './parse-csv'
import { sniffFormat, type TextEncoding } from './parse-encoding'
import type { FileFormat, ParsedTable } from './parse-types'
import { parseVcard } from './parse-vcard'
import { parseXlsx } from './parse-xlsx'

export type ParseOptions = {
  format?: FileFormat
  encoding?: TextEncoding | null
  delimiter?: Delimiter | null
  sheet?: string | null
}

export type ParsedFile = ParsedTable & {
  format: FileFormat
  encoding: TextEncoding | null
  delimiter: Delimiter | null
  sheet: string | null
  sheets: string[]
}

/** Reads any supported file into a table; throws ImportFileError when it cannot. */
export async function parseFile(
  bytes: Uint8Array,
  filename: string,
  opts: ParseOptions = {},
): Promise<ParsedFile> {
  const format = opts.format ?? sniffFormat(bytes, filename)
  if (format === 'xlsx') {
    const t = await parseXlsx(bytes, opts.sheet ?? undefined)
    return { ...t, format, encoding: null, delimiter: null }
  }
  if (format === 'vcard')
    return {
      ...parseVcard(bytes),
      format,
      encoding: null,
      delimiter: null,
      sheet: null,
      sheets: [],
    }
  const t = parseCsv(bytes, {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
  })
  return { ...t, format, sheet: null, sheets: [] }
}
