import { ImportFileError, type FileFormat } from './parse-types'

// Text encodings met in customer files. Finnish Excel saves "CSV" as Windows-1252; older tools
// write ISO-8859-1, which decodes the same except for 0x80–0x9F (control codes there, € and
// curly quotes in Windows-1252), so those bytes tell the two apart.

export type TextEncoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1'
export const textEncodings: TextEncoding[] = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
]

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'iso-8859-1'
  }
}

export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(bytes.subarray(3))
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(encoding).decode(bytes.subarray(2))
    case 'iso-8859-1':
      // WHATWG maps the latin1 label to windows-1252; for ISO-8859-1 text the result is the same.
      return new TextDecoder('windows-1252').decode(bytes)
    default:
      return new TextDecoder(encoding).decode(bytes)
  }
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04]

/** The format by content, not by name: a workbook renamed .csv is still read as a workbook. */
export function sniffFormat(bytes: Uint8Array, filename: string): FileFormat {
  if (bytes.length === 0) throw new ImportFileError('import_empty_file', 'The file is empty')
  if (zipMagic.every((b, i) => bytes[i] === b)) return 'xlsx'
  const isUtf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const head = bytes.subarray(0, 8192)
  if (!isUtf16 && head.includes(0))
    throw new ImportFileError(
      'import_binary_file',
      'The file is not text: save it as CSV (UTF-8 or Windows-1252), XLSX or vCard',
    )
  const start = decodeText(head, detectEncoding(head))
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (/^BEGIN:VCARD/i.test(start) || /\.(vcf|vcard)$/i.test(filename)) return 'vcard'
  return 'csv'
}
