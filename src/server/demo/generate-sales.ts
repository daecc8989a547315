import { totalsOf } from '../../shared/line-totals'
import * as fi from './finnish-data'
import { companyId, contactId, idBase, type DemoContext } from './generate'
import { contactRow } from './generate-people'
import { demoId, rngFor, type Rng } from './random'

// Sales demo rows: pipelines with stages, deals with their stage history, contacts, lines and
// quotes. Like the rest of the demo, deal i is the same for the same seed whatever the chunk.

export const salesStream = { deal: 4, history: 5, line: 6, quote: 7, quoteLine: 8 } as const
const dayMs = 24 * 3600 * 1000

export type DemoStage = {
  id: string
  name: string
  probability: number
  rottingDays: number | null
  requiredFields: string[]
  requiredCriteria: string[]
}
export type DemoPipeline = {
  id: string
  name: string
  /** Share of all deals in this pipeline, and the share of those still open. */
  share: number
  openShare: number
  /** How the open deals spread over the stages (weights). */
  openWeights: number[]
  stages: DemoStage[]
}
export type DemoProduct = {
  id: string
  name: string
  sku: string
  unit: string
  unitPrice: number
  vatRate: number
}
export type SalesContext = DemoContext & {
  pipelines: DemoPipeline[]
  lostReasonIds: string[]
  products: DemoProduct[]
}

export const bantCriteria = [
  {
    key: 'budget',
    name: 'Budjetti',
    weight: 30,
    options: [
      { key: 'none', label: 'Ei budjettia', points: 0 },
      { key: 'planned', label: 'Suunnitteilla', points: 50 },
      { key: 'approved', label: 'Hyväksytty', points: 100 },
    ],
  },
  {
    key: 'authority',
    name: 'Päättäjä',
    weight: 25,
    options: [
      { key: 'unknown', label: 'Ei tiedossa', points: 0 },
      { key: 'met', label: 'Tavattu', points: 100 },
    ],
  },
  {
    key: 'need',
    name: 'Tarve',
    weight: 30,
    options: [
      { key: 'low', label: 'Vähäinen', points: 20 },
      { key: 'clear', label: 'Selvä', points: 70 },
      { key: 'urgent', label: 'Kiireellinen', points: 100 },
    ],
  },
  {
    key: 'timing',
    name: 'Aikataulu',
    weight: 15,
    options: [
      { key: 'later', label: 'Myöhemmin', points: 20 },
      { key: 'quarter', label: 'Tällä neljänneksellä', points: 100 },
    ],
  },
]

type StageSpec = [string, number, number | null, string[]?, string[]?]
const pipelineSpecs: {
  name: string
  share: number
  openShare: number
  openWeights: number[]
  stages: StageSpec[]
}[] = [
  {
    // The big one: about 1/12 of its deals open, i.e. 10k open deals in the 200k standard set.
    name: 'Uusmyynti',
    share: 0.6,
    openShare: 1 / 12,
    openWeights: [35, 25, 20, 12, 8],
    stages: [
      ['Liidi', 10, 14],
      ['Tarvekartoitus', 25, 21],
      ['Tarjous', 50, 30, ['amount', 'expectedCloseDate']],
      ['Neuvottelu', 75, 30, [], ['budget', 'authority']],
      ['Sopimus', 90, 14],
    ],
  },
  {
    name: 'Lisämyynti',
    share: 0.3,
    openShare: 0.06,
    openWeights: [50, 30, 20],
    stages: [
      ['Tunnistettu', 20, 30],
      ['Tarjottu', 50, 30, ['amount']],
      ['Neuvottelu', 80, 21],
    ],
  },
  {
    name: 'Kumppanit',
    share: 0.1,
    openShare: 0.06,
    openWeights: [40, 40, 20],
    stages: [
      ['Yhteydenotto', 10, null],
      ['Pilotti', 40, 60],
      ['Sopimus', 80, null],
    ],
  },
]

export const lostReasonNames = [
  'Hinta',
  'Kilpailija valittiin',
  'Ei budjettia',
  'Ajoitus',
  'Ei vastausta',
]

const productSpecs: [string, string, number, number][] = [
  ['Kassajärjestelmä Pro', 'kpl', 4_900_00, 25.5],
  ['Kassajärjestelmä Lite', 'kpl', 1_900_00, 25.5],
  ['Varastonhallinta, lisenssi', 'käyttäjä/v', 480_00, 25.5],
  ['Asiakasportaali', 'kpl', 12_000_00, 25.5],
  ['Verkkokauppaintegraatio', 'kpl', 6_500_00, 25.5],
  ['Asennuspäivä', 'pv', 950_00, 25.5],
  ['Konsultointi', 'h', 135_00, 25.5],
  ['Koulutuspäivä', 'pv', 1_200_00, 25.5],
  ['Ylläpitosopimus 12 kk', 'kk', 390_00, 25.5],
  ['Tukipalvelu Premium', 'kk', 690_00, 25.5],
  ['Kuittitulostin', 'kpl', 329_00, 25.5],
  ['Viivakoodinlukija', 'kpl', 189_00, 25.5],
  ['Maksupääte', 'kpl', 449_00, 25.5],
  ['Pilvipalvelu S', 'kk', 49_00, 25.5],
  ['Pilvipalvelu M', 'kk', 149_00, 25.5],
  ['Pilvipalvelu L', 'kk', 399_00, 25.5],
  ['Käyttöopas (kirja)', 'kpl', 45_00, 14],
  ['Tietoturva-auditointi', 'kpl', 3_800_00, 25.5],
  ['Datan siirto', 'kpl', 2_400_00, 25.5],
  ['Raportointipaketti', 'kpl', 1_650_00, 25.5],
]

const dealWords = [
  'Kassajärjestelmän uusinta',
  'Varastonhallinta',
  'Asiakasportaali',
  'Verkkokauppa',
  'Ylläpitosopimus',
  'Koulutus',
  'Laajennus',
  'Pilvisiirto',
  'Raportointi',
  'Pilotti',
]

/** Pipelines, stages, lost reasons and products: few rows, ids from the seed. */
export function salesSetup(seed: number) {
  const id = (n: number) => demoId(seed, 40, n, idBase + n)
  let n = 0
  const pipelines: DemoPipeline[] = pipelineSpecs.map((p) => ({
    id: id(n++),
    name: p.name,
    share: p.share,
    openShare: p.openShare,
    openWeights: p.openWeights,
    stages: p.stages.map(([name, probability, rottingDays, fields, criteria]) => ({
      id: id(n++),
      name,
      probability,
      rottingDays,
      requiredFields: fields ?? [],
      requiredCriteria: criteria ?? [],
    })),
  }))
  const criteria = bantCriteria.map((c) => ({ ...c, id: id(n++), pipelineId: pipelines[0]!.id }))
  const lostReasons = lostReasonNames.map((name) => ({ id: id(n++), name }))
  const products: DemoProduct[] = productSpecs.map(([name, unit, unitPrice, vatRate], k) => ({
    id: id(n++),
    name,
    sku: `SUH-${String(k + 1).padStart(3, '0')}`,
    unit,
    unitPrice,
    vatRate,
  }))
  return { pipelines, criteria, lostReasons, products }
}

function weighted(r: Rng, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0)
  let x = r.next() * total
  for (const [k, w] of weights.entries()) {
    x -= w
    if (x < 0) return k
  }
  return weights.length - 1
}

function pipelineOf(c: SalesContext, r: Rng): DemoPipeline {
  return c.pipelines[
    weighted(
      r,
      c.pipelines.map((p) => p.share),
    )
  ]!
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

/** A deal with its stays, contacts, lines and maybe a quote, all rows ready to insert. */
export function dealRows(c: SalesContext, i: number) {
  const r = rngFor(c.seed, salesStream.deal, i)
  const id = demoId(c.seed, salesStream.deal, i, idBase + i)
  const pipeline = pipelineOf(c, r)
  const isOpen = r.chance(pipeline.openShare)
  const status: 'open' | 'won' | 'lost' = isOpen ? 'open' : r.chance(0.35) ? 'won' : 'lost'
  const last = pipeline.stages.length - 1
  const stageIndex =
    status === 'open'
      ? weighted(r, pipeline.openWeights)
      : status === 'won'
        ? last
        : r.int(0, Math.max(0, last - 1))
  const stage = pipeline.stages[stageIndex]!
  const now = c.now.getTime()
  // Open deals were made in the last eight months; closed ones closed evenly over the last two
  // years, after a sales cycle of 1–16 weeks.
  const closedAt = isOpen ? null : now - Math.floor((1 + r.next() * 721) * dayMs)
  const created =
    closedAt === null
      ? now - Math.floor((10 + r.next() * 230) * dayMs)
      : closedAt - r.int(7, 110) * dayMs
  const contactIndex = c.contacts > 0 ? r.int(0, c.contacts - 1) : null
  const primaryCompany =
    contactIndex === null ? null : (contactRow(c, contactIndex).links[0]?.company_id ?? null)
  const company =
    primaryCompany ?? (c.companies > 0 ? companyId(c, r.int(0, c.companies - 1)) : null)
  const contacts =
    contactIndex === null
      ? []
      : [{ contact_id: contactId(c, contactIndex), buying_role: r.pick(roles) }]
  if (contactIndex !== null && c.contacts > 1 && r.chance(0.3)) {
    const other = (contactIndex + r.int(1, c.contacts - 1)) % c.contacts
    contacts.push({ contact_id: contactId(c, other), buying_role: r.pick(roles) })
  }
  const currency = r.chance(0.97) ? 'EUR' : r.chance(0.67) ? 'SEK' : 'USD'
  const lines =
    currency === 'EUR' && c.products.length && r.chance(0.25)
      ? Array.from({ length: r.int(1, 3) }, (_, k) => {
          const p = r.pick(c.products)
          return {
            id: demoId(c.seed, salesStream.line, i * 4 + k, idBase + i),
            deal_id: id,
            product_id: p.id,
            name: p.name,
            quantity: p.unit === 'h' ? r.int(4, 80) : r.int(1, 12),
            unit_price: p.unitPrice,
            discount_percent: r.pick([0, 0, 0, 5, 10, 15]),
            vat_rate: p.vatRate,
            position: k,
          }
        })
      : []
  const amount = lines.length
    ? totalsOf(
        lines.map((l) => ({
          quantity: l.quantity,
          unitPrice: l.unit_price,
          discountPercent: l.discount_percent,
          vatRate: l.vat_rate,
        })),
      ).net
    : // 500 € – 250 000 €, most of them small, in whole hundreds of euros.
      Math.round((500 * 500 ** r.next()) / 100) * 100_00
  const title = `${r.pick(dealWords)} – ${r.pick(fi.lastNames)}`
  // Stays: one per stage from the first up to the deal's stage, each later than the one before.
  const end = closedAt ?? now
  const stays = Array.from({ length: stageIndex + 1 }, (_, k) => ({
    id: demoId(c.seed, salesStream.history, i * 8 + k, idBase + i),
    deal_id: id,
    pipeline_id: pipeline.id,
    stage_id: pipeline.stages[k]!.id,
    entered_at: new Date(created + Math.floor(((end - created) * k) / (stageIndex + 1))),
    left_at: null as Date | null,
  }))
  for (const [k, s] of stays.entries()) s.left_at = stays[k + 1]?.entered_at ?? null
  const lastStay = stays.at(-1)!
  if (closedAt) lastStay.left_at = new Date(closedAt)
  const stageEntered = lastStay.entered_at.getTime()
  // Most open deals were touched lately; some sit idle long enough to rot.
  const updated = isOpen
    ? Math.max(stageEntered, now - Math.floor(r.next() * (r.chance(0.2) ? 60 : 10) * dayMs))
    : closedAt!
  const expectedClose = isOpen
    ? isoDate(new Date(now + r.int(-30, 180) * dayMs))
    : isoDate(new Date(closedAt!))
  const owner = c.ownerIds.length ? r.pick(c.ownerIds) : null
  const category = isOpen && r.chance(0.35) ? r.pick(['commit', 'best_case']) : null
  const deal = {
    id,
    title,
    pipeline_id: pipeline.id,
    stage_id: stage.id,
    // Creation order within the column; moves put cards between or after these.
    position: i,
    amount,
    currency,
    expected_close_date: expectedClose,
    probability: r.chance(0.05) ? r.int(1, 9) * 10 : null,
    forecast_category: category,
    status,
    lost_reason_id: status === 'lost' ? r.pick(c.lostReasonIds) : null,
    closed_at: closedAt ? new Date(closedAt).toISOString() : null,
    owner_id: owner,
    company_id: company,
    stage_entered_at: new Date(stageEntered).toISOString(),
    last_activity_at: new Date(updated).toISOString(),
    search_text: title.toLowerCase(),
    created_by: owner,
    created_at: new Date(created).toISOString(),
    updated_at: new Date(updated).toISOString(),
  }
  const quote = lines.length && r.chance(0.2) ? quoteOf(c, r, i, deal, lines) : null
  return {
    deal,
    contacts: contacts.map((l) => ({ deal_id: id, ...l })),
    stays: stays.map((s) => ({
      ...s,
      entered_at: s.entered_at.toISOString(),
      left_at: s.left_at?.toISOString() ?? null,
      entered_by: owner,
      left_by: s.left_at ? owner : null,
    })),
    lines,
    quote,
  }
}

const roles = ['decision_maker', 'economic_buyer', 'champion', 'influencer', 'user'] as const

type Line = {
  product_id: string
  name: string
  quantity: number
  unit_price: number
  discount_percent: number
  vat_rate: number
  position: number
}

function quoteOf(
  c: SalesContext,
  r: Rng,
  i: number,
  deal: { id: string; title: string; status: string; created_at: string; closed_at: string | null },
  lines: Line[],
) {
  const id = demoId(c.seed, salesStream.quote, i, idBase + i)
  const totals = totalsOf(
    lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unit_price,
      discountPercent: l.discount_percent,
      vatRate: l.vat_rate,
    })),
  )
  const created = new Date(deal.created_at).getTime() + r.int(1, 7) * dayMs
  const createdAt = new Date(Math.min(created, c.now.getTime())).toISOString()
  const status =
    deal.status === 'won'
      ? 'accepted'
      : deal.status === 'lost'
        ? 'rejected'
        : r.chance(0.6)
          ? 'sent'
          : 'draft'
  return {
    row: {
      id,
      deal_id: deal.id,
      title: deal.title,
      status,
      language: r.chance(0.9) ? 'fi' : 'en',
      currency: 'EUR',
      valid_until: isoDate(new Date(Date.parse(createdAt) + 30 * dayMs)),
      net_total: totals.net,
      vat_total: totals.vat,
      gross_total: totals.gross,
      sent_at: status === 'draft' ? null : createdAt,
      decided_at: deal.closed_at,
      created_at: createdAt,
      updated_at: deal.closed_at ?? createdAt,
    },
    lines: lines.map((l, k) => ({
      ...l,
      id: demoId(c.seed, salesStream.quoteLine, i * 4 + k, idBase + i),
      quote_id: id,
    })),
  }
}
