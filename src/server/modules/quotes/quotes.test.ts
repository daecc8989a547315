import { inflateSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totalsOf } from '../../../shared/line-totals'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'
import { makeDeal, makePipeline } from '../deals/sales-fixtures'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

/** Text drawn in a PDF: inflate each stream, then decode the hex strings of TJ operators. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const out: string[] = []
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g
  for (const m of raw.matchAll(streams)) {
    let body: string
    try {
      body = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1')
    } catch {
      body = m[1] ?? ''
    }
    for (const tj of body.matchAll(/\[(.*?)\] TJ/g))
      out.push(
        [...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)]
          .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
          .join(''),
      )
  }
  // Standard fonts are WinAnsi: byte 0x80 is the euro sign.
  return out.join('\n').replaceAll('\x80', '€')
}

async function product(body: object) {
  const res = await admin.post('/api/v1/products', body)
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json() as { id: string }
}

describe('line totals', () => {
  it('rounds each line to the cent and sums the rounded lines', () => {
    // 3 × 33.33 € − 10 % = 89.991 → 89.99; VAT 25.5 % of 89.99 = 22.947 → 22.95
    const totals = totalsOf([
      { quantity: 3, unitPrice: 3333, discountPercent: 10, vatRate: 25.5 },
      { quantity: 1, unitPrice: 1000, discountPercent: 0, vatRate: 14 },
    ])
    expect(totals).toEqual({
      net: 8999 + 1000,
      vat: 2295 + 140,
      gross: 8999 + 1000 + 2295 + 140,
      vatBreakdown: [
        { rate: 25.5, net: 8999, vat: 2295 },
        { rate: 14, net: 1000, vat: 140 },
      ],
    })
  })
})

describe('products', () => {
  it('defaults the VAT rate to 25.5 % and keeps SKUs unique in the workspace', async () => {
    const p = await admin.post('/api/v1/products', {
      name: 'Lisenssi',
      sku: 'LIS-1',
      unitPrice: 49_00,
    })
    expect(p.statusCode).toBe(201)
    expect(p.json()).toMatchObject({ vatRate: 25.5, currency: 'EUR', isActive: true })
    const dup = await admin.post('/api/v1/products', { name: 'Toinen', sku: 'lis-1', unitPrice: 1 })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().errors[0]).toMatchObject({ path: 'sku', code: 'duplicate' })
    const negative = await admin.post('/api/v1/products', { name: 'Miinus', unitPrice: -5 })
    expect(negative.json().errors[0]).toMatchObject({ path: 'unitPrice', code: 'too_small' })
  })
})

describe('deal lines and quotes', () => {
  it('prices deal lines from the catalogue, sets the deal amount and refuses a deleted product', async () => {
    const pipeline = await makePipeline(admin, 'Rivit')
    const deal = await makeDeal(admin, pipeline.id)
    const license = await product({ name: 'Käyttöoikeus', unitPrice: 100_00 })
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${deal.id}/lines`,
      payload: { lines: [{ productId: license.id, quantity: 12, discountPercent: 15 }] },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().totals).toMatchObject({ net: 1020_00, vat: 260_10, gross: 1280_10 })
    expect((await admin.get(`/api/v1/deals/${deal.id}`)).json().amount).toBe(1020_00)
    const gone = await product({ name: 'Poistuva', unitPrice: 1_00 })
    await admin.delete(`/api/v1/products/${gone.id}`)
    const refused = await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${deal.id}/lines`,
      payload: { lines: [{ productId: gone.id, quantity: 1 }] },
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors[0]).toMatchObject({
      path: 'lines.0.productId',
      code: 'unknown_reference',
    })
    const lines = await admin.get(`/api/v1/deals/${deal.id}/lines`)
    expect(lines.json().lines).toHaveLength(1)
  })

  it('makes a numbered quote from the deal lines and prints it as a PDF in Finnish and English', async () => {
    const pipeline = await makePipeline(admin, 'Tarjoukset')
    const deal = await makeDeal(admin, pipeline.id, { title: 'Kassaratkaisu' })
    const item = await product({ name: 'Kassapääte', unitPrice: 599_90 })
    await admin.request({
      method: 'PUT',
      url: `/api/v1/deals/${deal.id}/lines`,
      payload: {
        lines: [
          { productId: item.id, quantity: 2 },
          { name: 'Asennus', quantity: 1, unitPrice: 150_00, vatRate: 25.5 },
        ],
      },
    })
    const first = await admin.post('/api/v1/quotes', { dealId: deal.id })
    expect(first.statusCode).toBe(201)
    const second = await admin.post('/api/v1/quotes', { dealId: deal.id, language: 'en' })
    expect(second.json().number).toBe(first.json().number + 1)
    const quote = first.json()
    expect(quote).toMatchObject({ status: 'draft', title: 'Kassaratkaisu', currency: 'EUR' })
    expect(quote.totals).toMatchObject({ net: 1349_80, vat: 344_20, gross: 1694_00 })

    const fi = await admin.get(`/api/v1/quotes/${quote.id}/pdf`)
    expect(fi.statusCode).toBe(200)
    expect(fi.headers['content-type']).toContain('application/pdf')
    expect(fi.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const fiText = pdfText(fi.rawPayload)
    expect(fiText).toContain('Yhteensä (sis. ALV)')
    expect(fiText.replace(/\s/g, '')).toContain('1694,00€')
    const en = pdfText((await admin.get(`/api/v1/quotes/${quote.id}/pdf?language=en`)).rawPayload)
    expect(en).toContain('Total incl. VAT')
    expect(en).toContain('€1,694.00')
  })

  it('moves a quote through sent to accepted and refuses line changes once sent', async () => {
    const pipeline = await makePipeline(admin, 'Tila')
    const deal = await makeDeal(admin, pipeline.id)
    const quote = (
      await admin.post('/api/v1/quotes', {
        dealId: deal.id,
        lines: [{ name: 'Työ', quantity: 1, unitPrice: 100_00 }],
      })
    ).json()
    const sent = await admin.patch(`/api/v1/quotes/${quote.id}`, { status: 'sent' })
    expect(sent.json().sentAt).not.toBeNull()
    const edit = await admin.patch(`/api/v1/quotes/${quote.id}`, {
      lines: [{ name: 'X', quantity: 1, unitPrice: 1 }],
    })
    expect(edit.json().errors[0]).toMatchObject({ path: 'lines', code: 'quote_not_draft' })
    const accepted = await admin.patch(`/api/v1/quotes/${quote.id}`, { status: 'accepted' })
    expect(accepted.json()).toMatchObject({ status: 'accepted' })
    const back = await admin.patch(`/api/v1/quotes/${quote.id}`, { status: 'draft' })
    expect(back.json().errors[0]).toMatchObject({ path: 'status', code: 'invalid_transition' })
    const rows = await sql<{
      n: number
    }>`select count(*)::int as n from quote_lines where quote_id = ${quote.id}`.execute(t.deps.db)
    expect(rows.rows[0]?.n).toBe(1)
  })

  it('refuses a quote for a deal that does not exist', async () => {
    const res = await admin.post('/api/v1/quotes', {
      dealId: '01900000-0000-7000-8000-000000000000',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'dealId', code: 'unknown_reference' })
  })
})
