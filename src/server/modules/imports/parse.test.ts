import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { delimiters, parseCsv, sniffDelimiter, splitCsv } from './parse-csv'
import { detectEncoding, sniffFormat } from './parse-encoding'
import { parseFile } from './parse-file'
import { ImportFileError, maxCellChars } from './parse-types'
import { parseDate, parseNumber } from './parse-values'
import { parseVcard } from './parse-vcard'

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)))
const bytes = (text: string) => new TextEncoder().encode(text)

function fileError(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof ImportFileError) return err.code
    throw err
  }
  return 'no error'
}

describe('CSV parsing', () => {
  it('reads a Finnish Excel file in Windows-1252 with semicolons', () => {
    const t = parseCsv(fixture('finnish-excel.csv'))
    expect(t.encoding).toBe('windows-1252')
    expect(t.delimiter).toBe(';')
    expect(t.headers).toContain('Sähköposti')
    expect(t.rows[1]?.cells[0]).toBe('Örjan')
    expect(t.rows[1]?.cells[6]).toBe('Omistaja – yrittäjä')
  })

  it('tells UTF-8, UTF-8 with BOM and ISO-8859-1 apart', () => {
    expect(detectEncoding(bytes('Nimi\nÄäkkönen'))).toBe('utf-8')
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8-bom')
    expect(detectEncoding(new Uint8Array([0x4e, 0xe4, 0x0a]))).toBe('iso-8859-1')
    const t = parseCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Name,Email\nA,a@x.fi\n')]))
    expect(t.headers).toEqual(['Name', 'Email'])
  })

  it('detects comma, semicolon, tab and pipe delimiters', () => {
    for (const d of delimiters) expect(sniffDelimiter(`a${d}b${d}c\n1${d}"2,5"${d}3\n`)).toBe(d)
    // Only empty cells: the delimiter is still the one that splits every record alike.
    expect(sniffDelimiter('"";""\r\n"";""')).toBe(';')
  })

  it('keeps quoted delimiters, doubled quotes and line breaks inside cells', () => {
    const t = parseCsv(bytes('Name,Note\r\n"Oy ""Ab""","line 1\nline 2, more"\r\n'))
    expect(t.rows).toEqual([{ line: 2, cells: ['Oy "Ab"', 'line 1\nline 2, more'] }])
  })

  it('fails the row with an unclosed quote instead of the file', () => {
    const t = parseCsv(bytes('Name,Note\nA,ok\nB,"never closed\nC,x\n'))
    expect(t.rows[0]).toEqual({ line: 2, cells: ['A', 'ok'] })
    expect(t.rows[1]?.error).toEqual({ code: 'import_unclosed_quote', params: { line: 3 } })
  })

  it('pads short rows and fails rows with extra cells', () => {
    const t = parseCsv(bytes('a,b,c\n1\n1,2,3,4\n1,2,3,,\n'))
    expect(t.rows[0]?.cells).toEqual(['1', '', ''])
    expect(t.rows[1]?.error).toEqual({
      code: 'import_too_many_cells',
      params: { cells: 4, width: 3 },
    })
    expect(t.rows[2]?.error).toBeUndefined()
  })

  it('gives clear errors for empty, header-only and binary files', () => {
    expect(fileError(() => parseCsv(bytes('')))).toBe('import_empty_file')
    expect(fileError(() => parseCsv(bytes('Name,Email\r\n')))).toBe('import_no_rows')
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10])
    expect(fileError(() => sniffFormat(binary, 'contacts.csv'))).toBe('import_binary_file')
  })

  it('renames duplicate headers and warns about them', () => {
    const t = parseCsv(bytes('Email,email,Name\na@x.fi,b@x.fi,A\n'))
    expect(t.headers).toEqual(['Email', 'email (2)', 'Name'])
    expect(t.warnings).toHaveLength(1)
  })

  it('fails a row with a 10 MB cell quickly without failing the file', () => {
    const big = 'x'.repeat(10 * 1024 * 1024)
    const started = Date.now()
    const t = parseCsv(bytes(`Name,Note\nA,"${big}"\nB,ok\n`))
    expect(Date.now() - started).toBeLessThan(5000)
    expect(t.rows[0]?.error).toEqual({
      code: 'import_cell_too_long',
      params: { cell: 2, max: maxCellChars },
    })
    expect(t.rows[1]?.cells).toEqual(['B', 'ok'])
  })

  it('round-trips any table written with any delimiter (property)', () => {
    const cell = (d: string) =>
      fc.string({ unit: fc.constantFrom('a', 'ä', ' ', '"', '\n', 'x', '1', d), maxLength: 8 })
    const arb = fc.constantFrom(...delimiters).chain((d) =>
      fc.record({
        d: fc.constant(d),
        width: fc.integer({ min: 2, max: 5 }),
        table: fc.array(fc.array(cell(d), { minLength: 5, maxLength: 5 }), {
          minLength: 2,
          maxLength: 8,
        }),
      }),
    )
    fc.assert(
      fc.property(arb, ({ d, width, table }) => {
        const rows = table.map((r) => r.slice(0, width))
        const text = rows
          .map((r) =>
            r
              .map((c) =>
                /["\n\r]|^$/.test(c) || c.includes(d) ? `"${c.replaceAll('"', '""')}"` : c,
              )
              .join(d),
          )
          .join('\r\n')
        expect(sniffDelimiter(text)).toBe(d)
        expect(splitCsv(text, d).map((r) => r.cells)).toEqual(rows)
      }),
    )
  })

  it('never throws anything but a file error on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        try {
          parseCsv(data)
        } catch (err) {
          expect(err).toBeInstanceOf(ImportFileError)
        }
      }),
    )
  })
})

describe('vCard parsing', () => {
  it('reads 3.0 and 4.0 cards with folded lines and quoted-printable', () => {
    const t = parseVcard(fixture('contacts.vcf'))
    const row = (i: number) => Object.fromEntries(t.headers.map((h, j) => [h, t.rows[i]?.cells[j]]))
    expect(row(0)).toMatchObject({
      'First name': 'Kaisa',
      'Last name': 'Salo',
      Email: 'kaisa.salo@example.fi',
      Phone: '+358 40 999 8888',
      Company: 'Salon Sanaha Oy',
      City: 'Lahti',
      'Postal code': '15100',
      Note: 'Tapasimme messuilla\r\njälkeen soitto',
    })
    expect(row(1)).toMatchObject({ 'Full name': 'Tom Berg', Phone: '+46-70-111-2233' })
  })
})

describe('XLSX parsing', () => {
  it('lists sheets and reads the chosen one', async () => {
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Ohje').addRow(['Tämä on ohje'])
    const s = wb.addWorksheet('Asiakkaat')
    s.addRow(['Yritys', 'Perustettu', 'Liikevaihto'])
    s.addRow(['Testi Oy', new Date(Date.UTC(2020, 0, 31)), 1234.5])
    const data = new Uint8Array(await wb.xlsx.writeBuffer())
    const t = await parseFile(data, 'asiakkaat.csv', { sheet: 'Asiakkaat' })
    expect(t.format).toBe('xlsx')
    expect(t.sheets).toEqual(['Ohje', 'Asiakkaat'])
    expect(t.rows[0]?.cells).toEqual(['Testi Oy', '2020-01-31', '1234.5'])
  })
})

describe('cell values', () => {
  it('reads Finnish and ISO dates and rejects impossible ones', () => {
    expect(parseDate('31.12.2025')).toBe('2025-12-31')
    expect(parseDate('1.2.2025')).toBe('2025-02-01')
    expect(parseDate('2025-12-31')).toBe('2025-12-31')
    expect(parseDate('31.2.2025')).toBeNull()
    expect(parseDate('yesterday')).toBeNull()
  })

  it('reads numbers with a decimal comma and thousands separators', () => {
    expect(parseNumber('1 234,50')).toBe(1234.5)
    expect(parseNumber('1.234,5')).toBe(1234.5)
    expect(parseNumber('1,234.5')).toBe(1234.5)
    expect(parseNumber('-0,25')).toBe(-0.25)
    expect(parseNumber('12abc')).toBeNull()
  })
})
