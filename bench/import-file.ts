import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { once } from 'node:events'
import * as fi from '../src/server/demo/finnish-data'
import { asciiSlug, companyName, demoBusinessId } from '../src/server/demo/generate'
import { mobileNumber } from '../src/server/demo/generate-people'
import { rngFor } from '../src/server/demo/random'

// The contact CSV of the import benchmark, written once per size and shape into bench/data
// (git-ignored) and reused: Finnish Excel style (`;`, UTF-8 with BOM), Finnish headers, about
// 2 % of the rows repeating an earlier person's email in other letter case (found by the email
// dedupe and skipped). Shape `company` adds a company column (one of rows/20 companies, with a
// Y-tunnus) and a tag column on every tenth row, so the import also creates and links companies.

export type ImportShape = 'plain' | 'company'

const seed = 20261123

function person(i: number) {
  const r = rngFor(seed, 7, i)
  const isFemale = r.chance(0.5)
  const first = r.pick(isFemale ? fi.femaleFirstNames : fi.maleFirstNames)
  const last = r.pick(fi.lastNames)
  return { r, first, last, email: `${asciiSlug(first)}.${asciiSlug(last)}.${i}@example.fi` }
}

function line(cells: string[]): string {
  return `${cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';')}\r\n`
}

/** The path of the file, generated first when it does not exist yet. */
export async function importFile(rows: number, shape: ImportShape): Promise<string> {
  const dir = resolve(join('bench', 'data', 'import'))
  const path = join(dir, `contacts-${shape}-${rows}.csv`)
  if (existsSync(path)) return path
  mkdirSync(dir, { recursive: true })
  const companies = Math.max(1, Math.floor(rows / 20))
  const tmp = `${path}.partial`
  const out = createWriteStream(tmp)
  const header = [
    'Etunimi',
    'Sukunimi',
    'Sähköposti',
    'Puhelin',
    'Titteli',
    'Katuosoite',
    'Postinumero',
    'Kaupunki',
    ...(shape === 'company' ? ['Yritys', 'Y-tunnus', 'Tunnisteet'] : []),
  ]
  let buffer = `\uFEFF${line(header)}`
  for (let i = 0; i < rows; i++) {
    const p = person(i)
    const r = p.r
    // Every fiftieth row is an earlier person again, as old spreadsheets overlap.
    const email = i > 100 && r.chance(0.02) ? person(r.int(0, i - 1)).email.toUpperCase() : p.email
    const city = r.pick(fi.cities)
    const mobile = mobileNumber(r)
    const cells = [
      p.first,
      p.last,
      email,
      `0${mobile.slice(4, 6)} ${mobile.slice(6)}`,
      r.pick(fi.titles),
      `${r.pick(fi.streets)} ${r.int(1, 80)}`,
      `${city.postal}${String(r.int(100, 990)).padStart(3, '0')}`,
      city.name,
    ]
    if (shape === 'company') {
      const c = r.int(0, companies - 1)
      cells.push(
        companyName(rngFor(seed, 8, c)).name,
        demoBusinessId(c),
        r.chance(0.1) ? r.pick(fi.tagNames) : '',
      )
    }
    buffer += line(cells)
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  out.end(buffer)
  await once(out, 'finish')
  renameSync(tmp, path)
  return path
}
