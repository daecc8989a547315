import { formatMoney } from '../../../shared/currencies'
import type { Quote } from '../../../shared/quotes.schema'

// The printed quote. Standard PDF fonts cover WinAnsi only, which has Finnish letters and the
// euro sign; anything else (e.g. narrow spaces from number formatting) is printed as a space.

const texts = {
  fi: {
    quote: 'Tarjous',
    number: 'Tarjousnumero',
    date: 'Päiväys',
    validUntil: 'Voimassa',
    product: 'Tuote',
    qty: 'Määrä',
    unitPrice: 'À-hinta',
    discount: 'Ale %',
    vat: 'ALV %',
    net: 'Veroton',
    netTotal: 'Veroton yhteensä',
    vatTotal: 'ALV yhteensä',
    grossTotal: 'Yhteensä (sis. ALV)',
    vatBreakdown: 'ALV-erittely',
  },
  en: {
    quote: 'Quote',
    number: 'Quote number',
    date: 'Date',
    validUntil: 'Valid until',
    product: 'Item',
    qty: 'Qty',
    unitPrice: 'Unit price',
    discount: 'Disc. %',
    vat: 'VAT %',
    net: 'Net',
    netTotal: 'Total excl. VAT',
    vatTotal: 'VAT total',
    grossTotal: 'Total incl. VAT',
    vatBreakdown: 'VAT breakdown',
  },
} as const

const winAnsiSafe = (s: string) =>
  s.replace(/[\u2000-\u200f\u202f\u2212]/g, (c) => (c === '\u2212' ? '-' : ' '))

export async function quotePdf(
  quote: Quote,
  opts: { language: 'fi' | 'en'; workspaceName: string; compress?: boolean },
): Promise<Buffer> {
  // Loaded on the first PDF, not at start: pdfkit and its fonts hold ~12 MB of heap.
  const { default: PDFDocument } = await import('pdfkit')
  const t = texts[opts.language]
  const money = (n: number) => winAnsiSafe(formatMoney(n, quote.currency, opts.language))
  const num = (n: number) =>
    winAnsiSafe(n.toLocaleString(opts.language === 'fi' ? 'fi-FI' : 'en-GB'))
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(opts.language === 'fi' ? 'fi-FI' : 'en-GB', {
      timeZone: 'Europe/Helsinki',
    })
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: opts.compress ?? true,
    info: { Title: `${t.quote} ${quote.number}` },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.font('Helvetica-Bold').fontSize(20).text(winAnsiSafe(opts.workspaceName))
  doc
    .moveDown(0.5)
    .fontSize(16)
    .text(`${t.quote}: ${winAnsiSafe(quote.title)}`)
  doc.font('Helvetica').fontSize(10).moveDown(0.5)
  doc.text(`${t.number}: ${quote.number}`)
  doc.text(`${t.date}: ${date(quote.createdAt)}`)
  if (quote.validUntil) doc.text(`${t.validUntil}: ${date(quote.validUntil)}`)
  doc.moveDown()
  const cols = [50, 250, 300, 370, 420, 465]
  const row = (cells: string[], bold = false) => {
    const y = doc.y
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica')
    cells.forEach((c, i) =>
      doc.text(c, cols[i] ?? 50, y, { width: i === 0 ? 195 : 70, lineBreak: i === 0 }),
    )
    doc.moveDown(0.3)
  }
  row([t.product, t.qty, t.unitPrice, t.discount, t.vat, t.net], true)
  for (const l of quote.lines)
    row([
      winAnsiSafe(l.name),
      num(l.quantity),
      money(l.unitPrice),
      num(l.discountPercent),
      num(l.vatRate),
      money(l.net),
    ])
  doc.moveDown()
  doc.x = 50
  doc.font('Helvetica-Bold').text(t.vatBreakdown)
  doc.font('Helvetica')
  for (const g of quote.totals.vatBreakdown)
    doc.text(`${t.vat} ${num(g.rate)}: ${t.net} ${money(g.net)}, ${money(g.vat)}`)
  doc.moveDown()
  doc.text(`${t.netTotal}: ${money(quote.totals.net)}`)
  doc.text(`${t.vatTotal}: ${money(quote.totals.vat)}`)
  doc.font('Helvetica-Bold').text(`${t.grossTotal}: ${money(quote.totals.gross)}`)
  if (quote.notes) doc.font('Helvetica').moveDown().text(winAnsiSafe(quote.notes))
  doc.end()
  return done
}
