import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvSplitter, splitCsv } from './parse-csv'
import { RowReader, rowBatches, scanFile, type ByteSource } from './parse-stream'
import { ImportFileError } from './parse-types'

// Files are read as streams of pieces: whatever the piece boundaries (inside a quoted cell,
// between CR and LF, inside a multi-byte character), the rows must be those of the whole file.

function pieces(bytes: Uint8Array, cuts: number[]): ByteSource {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  return async function* () {
    let from = 0
    for (const c of [...at, bytes.length]) {
      if (c > from) yield bytes.subarray(from, c)
      from = Math.max(from, c)
    }
  }
}

const encode = (text: string) => new TextEncoder().encode(text)

async function allRows(source: ByteSource, filename = 'x.csv') {
  const info = await scanFile(source, filename)
  const reader = new RowReader(rowBatches(source, info))
  const rows = await reader.take(1_000_000)
  return { info, rows, atEnd: reader.isAtEnd }
}

describe('streamed CSV', () => {
  it('splits text given in any pieces exactly as given whole (property)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'ä', ';', '"', '\n', '\r', ' '),
      maxLength: 6,
    })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (table, cuts) => {
          const text = table
            .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(';'))
            .join('\r\n')
          const splitter = new CsvSplitter(';')
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
          const out = []
          let from = 0
          for (const c of at) {
            out.push(...splitter.push(text.slice(from, c)))
            from = c
          }
          out.push(...splitter.push(text.slice(from), true))
          expect(out).toEqual(splitCsv(text, ';'))
        },
      ),
    )
  })

  it('reads a Windows-1252 or UTF-8 file cut inside characters and line ends', async () => {
    const text =
      'Etunimi;Sukunimi;Muistiinpano\r\nÄijä;Hämäläinen;"rivi 1\r\nrivi 2"\r\n\r\nÖrjan;Åkerlund;€\r\n'
    const utf8 = encode(`\uFEFF${text}`)
    for (const cuts of [
      [1, 2, 3, 4, 30, 31, 32],
      [48, 49, 50, 51, 52],
      [60, 61, 62, 63],
    ]) {
      const { info, rows, atEnd } = await allRows(pieces(utf8, cuts))
      expect(info).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', rowsTotal: 2 })
      expect(rows).toEqual([
        { line: 2, cells: ['Äijä', 'Hämäläinen', 'rivi 1\r\nrivi 2'] },
        { line: 5, cells: ['Örjan', 'Åkerlund', '€'] },
      ])
      expect(atEnd).toBe(true)
    }
    const cp1252 = new Uint8Array([...encode('Nimi;Hinta\n'), 0xc4, 0x3b, 0x80, 0x0a])
    const { info, rows } = await allRows(pieces(cp1252, [11, 12, 13]))
    expect(info.encoding).toBe('windows-1252')
    expect(rows[0]?.cells).toEqual(['Ä', '€'])
  })

  it('fails the rest of the file from an unclosed quote, and reports empty and header-only files', async () => {
    const { rows } = await allRows(
      pieces(encode('Nimi,Huom\nA,ok\nB,"ei lopu\nC,x\n'), [5, 17, 20]),
    )
    expect(rows[0]).toEqual({ line: 2, cells: ['A', 'ok'] })
    expect(rows[1]?.error).toEqual({ code: 'import_unclosed_quote', params: { line: 3 } })
    expect(rows).toHaveLength(2)
    const code = async (text: string) => {
      try {
        await scanFile(pieces(encode(text), [1]), 'x.csv')
      } catch (err) {
        if (err instanceof ImportFileError) return err.code
        throw err
      }
      return 'no error'
    }
    expect(await code('')).toBe('import_empty_file')
    expect(await code('  \n\n')).toBe('import_empty_file')
    expect(await code('Nimi,Sähköposti\r\n')).toBe('import_no_rows')
  })

  it('takes rows in chunks and knows the end, also after skipping', async () => {
    const csv = `Nimi\n${Array.from({ length: 25 }, (_, i) => `n${i}`).join('\n')}\n`
    const source = pieces(encode(csv), [7, 40, 41])
    const info = await scanFile(source, 'x.csv')
    const reader = new RowReader(rowBatches(source, info))
    await reader.skip(10)
    expect((await reader.take(10)).map((r) => r.cells[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `n${i + 10}`),
    )
    expect(reader.isAtEnd).toBe(false)
    expect(await reader.take(10)).toHaveLength(5)
    expect(reader.isAtEnd).toBe(true)
  })
})
