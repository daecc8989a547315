import type { Client } from '../../test/factories'

// Shared set-up of the sales tests: a BANT-like pipeline with a gate on "Proposal".

export const bant = [
  {
    key: 'budget',
    name: 'Budjetti',
    weight: 30,
    options: [
      { key: 'none', label: 'Ei budjettia', points: 0 },
      { key: 'approved', label: 'Hyväksytty', points: 100 },
    ],
  },
  {
    key: 'authority',
    name: 'Päättäjä',
    weight: 20,
    options: [
      { key: 'unknown', label: 'Ei tiedossa', points: 0 },
      { key: 'met', label: 'Tavattu', points: 100 },
    ],
  },
  {
    key: 'need',
    name: 'Tarve',
    weight: 50,
    options: [
      { key: 'low', label: 'Vähäinen', points: 20 },
      { key: 'high', label: 'Kova', points: 100 },
    ],
  },
]

export async function makePipeline(client: Client, name = 'Uusmyynti') {
  const res = await client.post('/api/v1/pipelines', {
    name,
    stages: [
      { name: 'Liidi', probability: 10, rottingDays: 14 },
      { name: 'Tarvekartoitus', probability: 30 },
      {
        name: 'Tarjous',
        probability: 60,
        requiredCriteria: ['budget', 'authority'],
        requiredFields: ['amount', 'expectedCloseDate'],
      },
      { name: 'Neuvottelu', probability: 80 },
    ],
    scorecard: bant,
  })
  if (res.statusCode !== 201) throw new Error(`pipeline: ${res.statusCode} ${res.body}`)
  const body = res.json() as { id: string; stages: { id: string; name: string }[] }
  const [lead, discovery, proposal, negotiation] = body.stages.map((s) => s.id) as [
    string,
    string,
    string,
    string,
  ]
  return { id: body.id, stages: { lead, discovery, proposal, negotiation } }
}

export async function makeDeal(client: Client, pipelineId: string, body: object = {}) {
  const res = await client.post('/api/v1/deals', {
    title: 'Kassajärjestelmä',
    pipelineId,
    amount: 1_250_000,
    currency: 'EUR',
    ...body,
  })
  if (res.statusCode !== 201) throw new Error(`deal: ${res.statusCode} ${res.body}`)
  return res.json() as { id: string; stageId: string; amount: number }
}
