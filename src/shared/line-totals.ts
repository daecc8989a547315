// Totals of line items (deal lines and quote lines), in integer minor units.
// Rounding is per line, half away from zero: net = round(qty × unit price × (1 − discount %)),
// VAT = round(net × VAT %). Totals are sums of rounded lines, so the printed lines always add up
// to the printed totals; the VAT breakdown groups the rounded line amounts by rate.

export type LineInput = {
  quantity: number
  unitPrice: number
  discountPercent: number
  vatRate: number
}
export type LineAmounts = { net: number; vat: number; gross: number }
export type VatGroup = { rate: number; net: number; vat: number }
export type Totals = { net: number; vat: number; gross: number; vatBreakdown: VatGroup[] }

function roundHalfAway(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n))
}

export function lineAmounts(l: LineInput): LineAmounts {
  // Work in hundredths of percent to keep the float error far below half a cent.
  const net = roundHalfAway(
    (l.quantity * l.unitPrice * (10000 - Math.round(l.discountPercent * 100))) / 10000,
  )
  const vat = roundHalfAway((net * Math.round(l.vatRate * 100)) / 10000)
  return { net, vat, gross: net + vat }
}

export function totalsOf(lines: LineInput[]): Totals {
  const groups = new Map<number, VatGroup>()
  let net = 0
  let vat = 0
  for (const l of lines) {
    const a = lineAmounts(l)
    net += a.net
    vat += a.vat
    const g = groups.get(l.vatRate) ?? { rate: l.vatRate, net: 0, vat: 0 }
    g.net += a.net
    g.vat += a.vat
    groups.set(l.vatRate, g)
  }
  return {
    net,
    vat,
    gross: net + vat,
    vatBreakdown: [...groups.values()].sort((a, b) => b.rate - a.rate),
  }
}
