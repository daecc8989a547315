// Cell text to typed values: Finnish (31.12.2025) and ISO dates, numbers with a decimal comma
// and space or dot thousands separators. null means "not readable as that type".

export function parseDate(text: string): string | null {
  const s = text.trim()
  let y: number, m: number, d: number
  const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s)
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)
  if (fi) [d, m, y] = [Number(fi[1]), Number(fi[2]), Number(fi[3])]
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null
  return date.toISOString().slice(0, 10)
}

export function parseNumber(text: string): number | null {
  const s = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-')
  if (!s) return null
  let normal: string
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replaceAll('.', '').replace(',', '.')
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replaceAll(',', '')
  else if (/^-?\d+(,\d+)?$/.test(s)) normal = s.replace(',', '.')
  else if (/^-?\d*\.?\d+$/.test(s)) normal = s
  else return null
  const n = Number(normal)
  return Number.isFinite(n) ? n : null
}
