import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from './csv'

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', null, 3])).toBe(
      '"a,b","say ""hi""","two\nlines",,3\r\n',
    )
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+358401234567')).toBe("'+358401234567")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
  })

  it('writes dates as ISO time and objects as JSON', () => {
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z')
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"')
  })
})
