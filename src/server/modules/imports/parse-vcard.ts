import { decodeText, detectEncoding } from './parse-encoding'
import { ImportFileError, tableFrom, type ParsedRow, type ParsedTable } from './parse-types'

// vCard 3.0 and 4.0 (RFC 2426, RFC 6350) as a table with fixed columns, so mapping works as for
// CSV. Folded lines are joined; quoted-printable values (common in 3.0 and 2.1 exports) are
// decoded as UTF-8 or the CHARSET they name.

export const vcardHeaders = [
  'Full name',
  'First name',
  'Last name',
  'Email',
  'Email 2',
  'Phone',
  'Phone 2',
  'Company',
  'Title',
  'Street',
  'City',
  'Postal code',
  'Country',
  'Note',
]

type Prop = { name: string; params: string; value: string }

function unfold(text: string): string[] {
  const physical = text.split(/\r?\n/)
  const lines: string[] = []
  for (const l of physical) {
    const prev = lines.length - 1
    if ((l.startsWith(' ') || l.startsWith('\t')) && prev >= 0) lines[prev] += l.slice(1)
    else if (prev >= 0 && /QUOTED-PRINTABLE/i.test(lines[prev] ?? '') && lines[prev]?.endsWith('='))
      lines[prev] = (lines[prev] ?? '').slice(0, -1) + l
    else lines.push(l)
  }
  return lines
}

function parseProp(line: string): Prop | null {
  const colon = line.indexOf(':')
  if (colon < 0) return null
  const head = line.slice(0, colon)
  const semi = head.indexOf(';')
  const name = (semi < 0 ? head : head.slice(0, semi)).replace(/^[^.]*\./, '').toUpperCase()
  return { name, params: semi < 0 ? '' : head.slice(semi + 1), value: line.slice(colon + 1) }
}

function decodeQp(value: string, charset: string): string {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3)
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(value.charCodeAt(i) & 0xff)
  }
  const label = /^(utf-8|iso-8859-1|windows-1252)$/i.test(charset) ? charset : 'utf-8'
  return new TextDecoder(label).decode(new Uint8Array(bytes))
}

function unescape(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

/** Splits a structured value (N, ADR) on unescaped semicolons. */
function parts(value: string): string[] {
  return value.split(/(?<!\\);/).map((p) => unescape(p).trim())
}

function valueOf(p: Prop): string {
  const isQp = /ENCODING=QUOTED-PRINTABLE/i.test(p.params)
  const charset = /CHARSET=([\w-]+)/i.exec(p.params)?.[1] ?? 'utf-8'
  const raw = isQp ? decodeQp(p.value, charset) : p.value
  return raw.replace(/^(mailto|tel):/i, '')
}

function cardRow(props: Prop[]): string[] {
  const cells: Record<string, string> = {}
  const set = (key: string, v: string) => {
    if (v && !cells[key]) cells[key] = v
  }
  for (const p of props) {
    const v = valueOf(p)
    if (p.name === 'FN') set('Full name', unescape(v).trim())
    else if (p.name === 'N') {
      const [last = '', first = ''] = parts(v)
      set('Last name', last)
      set('First name', first)
    } else if (p.name === 'EMAIL') set(cells.Email ? 'Email 2' : 'Email', unescape(v).trim())
    else if (p.name === 'TEL') set(cells.Phone ? 'Phone 2' : 'Phone', unescape(v).trim())
    else if (p.name === 'ORG') set('Company', parts(v)[0] ?? '')
    else if (p.name === 'TITLE') set('Title', unescape(v).trim())
    else if (p.name === 'NOTE') set('Note', unescape(v).trim())
    else if (p.name === 'ADR') {
      const [, , street = '', city = '', , postal = '', country = ''] = parts(v)
      set('Street', street)
      set('City', city)
      set('Postal code', postal)
      set('Country', country)
    }
  }
  return vcardHeaders.map((h) => cells[h] ?? '')
}

export function parseVcard(bytes: Uint8Array): ParsedTable {
  const text = decodeText(bytes, detectEncoding(bytes))
  const rows: ParsedRow[] = []
  let current: Prop[] | null = null
  let cardNo = 0
  for (const line of unfold(text)) {
    const p = parseProp(line.trim())
    if (!p) continue
    if (p.name === 'BEGIN' && /^VCARD$/i.test(p.value.trim())) {
      current = []
      cardNo++
    } else if (p.name === 'END' && current) {
      rows.push({ line: cardNo, cells: cardRow(current) })
      current = null
    } else current?.push(p)
  }
  if (current) rows.push({ line: cardNo, cells: [], error: { code: 'import_card_not_ended' } })
  if (rows.length === 0) throw new ImportFileError('import_no_rows', 'The file has no vCards')
  return tableFrom(vcardHeaders, rows)
}
