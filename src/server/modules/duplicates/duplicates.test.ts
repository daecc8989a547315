import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuplicateCandidate } from '../../../shared/duplicates.schema'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { jobHandlers } from '../jobs/job-handlers'
import { runQueuedJobs } from '../jobs/job-runner'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

async function create(c: Client, path: string, body: Record<string, unknown>) {
  const res = await c.post(`/api/v1/${path}`, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

async function scan(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/duplicates/scans', body)
  expect(res.statusCode, res.body).toBe(202)
  await runQueuedJobs(t.deps, jobHandlers, undefined, c.workspaceId)
  const done = await c.get(`/api/v1/duplicates/scans/${res.json().id}`)
  expect(done.json()).toMatchObject({ status: 'done', lastError: null })
  return done.json()
}

async function queue(c: Client, query = 'objectType=contact'): Promise<DuplicateCandidate[]> {
  const res = await c.get(`/api/v1/duplicates?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data
}

const pairOf = (list: DuplicateCandidate[], a: string, b: string) =>
  list.find((d) => d.records.some((r) => r.id === a) && d.records.some((r) => r.id === b))

/** A workspace with contacts that are and are not duplicates of each other. */
async function contactsWorkspace() {
  const c = await makeWorkspace(t)
  const firm = await create(c, 'companies', { name: 'Kuljetus Virtanen Oy' })
  const ids = {
    email1: await create(c, 'contacts', {
      firstName: 'Matti',
      lastName: 'Virtanen',
      emails: [{ address: 'matti@virtanen.fi' }],
    }),
    email2: await create(c, 'contacts', {
      firstName: 'Matti',
      lastName: 'Virtanen',
      emails: [{ address: 'MATTI@virtanen.fi' }],
      phones: [{ number: '050 765 4321' }],
    }),
    phone1: await create(c, 'contacts', {
      firstName: 'Liisa',
      lastName: 'Korhonen',
      phones: [{ number: '040 111 2222' }],
    }),
    phone2: await create(c, 'contacts', {
      firstName: 'Lisa',
      lastName: 'Korhonen',
      phones: [{ number: '+358 40 1112222' }],
    }),
    firm1: await create(c, 'contacts', {
      firstName: 'Pekka',
      lastName: 'Nieminen',
      companies: [{ companyId: firm.id }],
    }),
    firm2: await create(c, 'contacts', {
      firstName: 'Pekka',
      lastName: 'Niemine',
      companies: [{ companyId: firm.id }],
    }),
    name1: await create(c, 'contacts', { firstName: 'Xerxes', lastName: 'Ylitalo' }),
    name2: await create(c, 'contacts', { firstName: 'Xerxes', lastName: 'Ylitalo' }),
    other1: await create(c, 'contacts', {
      firstName: 'Outi',
      lastName: 'Lahtinen',
      emails: [{ address: 'outi@lahtinen.fi' }],
      companies: [{ companyId: firm.id }],
    }),
    other2: await create(c, 'contacts', {
      firstName: 'Jari',
      lastName: 'Toivonen',
      phones: [{ number: '045 999 8888' }],
    }),
  }
  return { c, firm, ids: Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.id])) }
}

describe('duplicate scan of contacts', () => {
  it('finds pairs by email, phone, name at the same company and rare name, with reasons', async () => {
    const { c, firm, ids } = await contactsWorkspace()
    const done = await scan(c, { objectType: 'contact' })
    expect(done.progress).toMatchObject({ stepsDone: 5, stepsTotal: 5, step: null, found: 4 })
    expect(done.seconds).toBeGreaterThanOrEqual(0)
    const list = await queue(c)
    expect(list).toHaveLength(4)

    const email = pairOf(list, ids.email1!, ids.email2!)
    expect(email?.score).toBeGreaterThanOrEqual(90)
    expect(email?.reasons).toEqual(
      expect.arrayContaining([
        { signal: 'email', value: 'matti@virtanen.fi' },
        { signal: 'name', similarity: 1 },
      ]),
    )
    expect(email?.records.map((r) => r.id)).toEqual([ids.email1, ids.email2])

    const phone = pairOf(list, ids.phone1!, ids.phone2!)
    expect(phone?.reasons).toContainEqual({ signal: 'phone', value: '+358401112222' })
    expect(phone?.reasons.find((r) => r.signal === 'name')?.similarity).toBeGreaterThan(0.5)

    const firmPair = pairOf(list, ids.firm1!, ids.firm2!)
    expect(firmPair?.reasons).toContainEqual({ signal: 'company', value: 'Kuljetus Virtanen Oy' })
    expect(firmPair?.records[0]?.companies).toEqual([{ id: firm.id, name: 'Kuljetus Virtanen Oy' }])

    const name = pairOf(list, ids.name1!, ids.name2!)
    expect(name).toMatchObject({ score: 60, reasons: [{ signal: 'name', similarity: 1 }] })

    for (const id of [ids.other1, ids.other2])
      expect(list.some((d) => d.records.some((r) => r.id === id))).toBe(false)
    // Best first, and the minimum score filters.
    expect(list.map((d) => d.score)).toEqual([...list.map((d) => d.score)].sort((a, b) => b - a))
    const high = await queue(c, 'objectType=contact&minScore=90')
    expect(high.map((d) => d.id)).toEqual([email?.id])
  })

  it('marks people who share an email but not a name, with a lower score', async () => {
    const c = await makeWorkspace(t)
    const family = { emails: [{ address: 'perhe@lahtinen.fi' }] }
    const a = await create(c, 'contacts', { firstName: 'Outi', lastName: 'Lahtinen', ...family })
    const b = await create(c, 'contacts', { firstName: 'Pentti', lastName: 'Lahtinen', ...family })
    await scan(c, { objectType: 'contact' })
    const pair = pairOf(await queue(c), a.id, b.id)
    expect(pair?.score).toBe(54)
    expect(pair?.reasons.map((r) => r.signal)).toEqual(['email', 'differentNames'])
  })

  it('keeps a dismissed pair dismissed when scanning again, drops pairs no longer found', async () => {
    const { c, ids } = await contactsWorkspace()
    await scan(c, { objectType: 'contact' })
    const email = pairOf(await queue(c), ids.email1!, ids.email2!)
    const dismissed = await c.post(`/api/v1/duplicates/${email?.id}/dismiss`)
    expect(dismissed.statusCode, dismissed.body).toBe(200)
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', decidedBy: c.userId })
    // The phone pair stops matching once the number changes.
    const patched = await c.patch(`/api/v1/contacts/${ids.phone2}`, {
      phones: [{ number: '044 222 3333' }],
    })
    expect(patched.statusCode).toBe(200)

    await scan(c, { objectType: 'all' })
    const open = await queue(c)
    expect(pairOf(open, ids.email1!, ids.email2!)).toBeUndefined()
    expect(pairOf(open, ids.phone1!, ids.phone2!)).toBeUndefined()
    const kept = await queue(c, 'objectType=contact&status=dismissed')
    expect(kept.map((d) => d.id)).toEqual([email?.id])

    const reopened = await c.post(`/api/v1/duplicates/${email?.id}/reopen`)
    expect(reopened.json()).toMatchObject({ status: 'open', decidedBy: null })
    expect(pairOf(await queue(c), ids.email1!, ids.email2!)).toBeDefined()
  })

  it('scans the pairs of one record and lists them with recordId', async () => {
    const { c, ids } = await contactsWorkspace()
    const done = await scan(c, { objectType: 'contact', recordId: ids.email2 })
    expect(done.recordId).toBe(ids.email2)
    const list = await queue(c, `recordId=${ids.email2}`)
    expect(list).toHaveLength(1)
    expect(pairOf(list, ids.email1!, ids.email2!)).toBeDefined()
    expect(await queue(c)).toHaveLength(1)
  })

  it('pages through the queue with a cursor', async () => {
    const { c } = await contactsWorkspace()
    await scan(c, { objectType: 'contact' })
    const first = await c.get('/api/v1/duplicates?limit=3')
    expect(first.json().data).toHaveLength(3)
    const next = await c.get(`/api/v1/duplicates?limit=3&cursor=${first.json().nextCursor}`)
    expect(next.json()).toMatchObject({ nextCursor: null })
    expect(next.json().data).toHaveLength(1)
    const bad = await c.get('/api/v1/duplicates?cursor=nonsense')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0]).toMatchObject({ path: 'cursor', code: 'invalid_cursor' })
  })

  it('continues an interrupted scan from the last step done', async () => {
    const { c } = await contactsWorkspace()
    const started = await c.post('/api/v1/duplicates/scans', { objectType: 'contact' })
    let checks = 0
    // The server stops after two steps; the job is handed back with its progress.
    await runQueuedJobs(t.deps, jobHandlers, () => checks++ > 2, c.workspaceId)
    const halfway = (await c.get(`/api/v1/duplicates/scans/${started.json().id}`)).json()
    expect(halfway.status).toBe('running')
    expect(halfway.progress.stepsDone).toBe(2)
    await runQueuedJobs(t.deps, jobHandlers, undefined, c.workspaceId)
    const done = (await c.get(`/api/v1/duplicates/scans/${started.json().id}`)).json()
    expect(done).toMatchObject({ status: 'done', progress: { stepsDone: 5, found: 4 } })
    const job = await t.deps.db
      .selectFrom('jobs')
      .select('attempts')
      .where('id', '=', started.json().id)
      .executeTakeFirstOrThrow()
    expect(job.attempts).toBe(1)
  })
})

describe('duplicate scan of companies', () => {
  it('finds companies by business ID, domain and name, not ones with other business IDs', async () => {
    const c = await makeWorkspace(t)
    const co = async (body: Record<string, unknown>) => (await create(c, 'companies', body)).id
    const bid1 = await co({ name: 'Rovaniemen Lämpö Oy', businessId: '0737546-2' })
    const bid2 = await co({ name: 'Lämpö Rovaniemi Ky', businessId: '07375462' })
    const dom1 = await co({ name: 'Nordic Logistics Oy', domain: 'nordiclog.fi' })
    const dom2 = await co({ name: 'NL Finland', domain: 'https://www.nordiclog.fi/' })
    const nam1 = await co({ name: 'Salosen Puutarha Oy' })
    const nam2 = await co({ name: 'Salosen Puutarha' })
    const other1 = await co({ name: 'Porvoon Puu Oy', businessId: '1000002-0' })
    const other2 = await co({ name: 'Porvoon Puu Oy', businessId: '1000004-7' })
    await scan(c, { objectType: 'company' })
    const list = await queue(c, 'objectType=company')
    expect(list).toHaveLength(3)
    expect(pairOf(list, bid1, bid2)?.reasons).toContainEqual({
      signal: 'businessId',
      value: '0737546-2',
    })
    expect(pairOf(list, dom1, dom2)?.reasons).toContainEqual({
      signal: 'domain',
      value: 'nordiclog.fi',
    })
    expect(pairOf(list, nam1, nam2)).toMatchObject({
      score: 75,
      reasons: [{ signal: 'name', similarity: 1 }],
    })
    expect(pairOf(list, other1, other2)).toBeUndefined()
  })
})

describe('duplicates API rules', () => {
  it('is in the OpenAPI document with the merges', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    for (const path of [
      '/api/v1/duplicates',
      '/api/v1/duplicates/scans',
      '/api/v1/duplicates/scans/{id}',
      '/api/v1/duplicates/{id}/dismiss',
      '/api/v1/merges',
      '/api/v1/merges/preview',
    ])
      expect(Object.keys(doc.paths), path).toContain(path)
    expect(doc.paths['/api/v1/merges'].post.requestBody).toBeDefined()
  })

  it('answers problem+json naming the field for bad input', async () => {
    const c = await makeWorkspace(t)
    const cases: [Record<string, unknown>, string, string][] = [
      [{ objectType: 'people' }, 'objectType', 'invalid_value'],
      [{ objectType: 'contact', recordId: 'x' }, 'recordId', 'invalid_id'],
      [
        { recordId: '0190f7a0-0000-7000-8000-000000000000' },
        'objectType',
        'record_needs_object_type',
      ],
      [{ objectType: 'contact', extra: 1 }, 'extra', 'unrecognized_keys'],
    ]
    for (const [body, path, code] of cases) {
      const res = await c.post('/api/v1/duplicates/scans', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().errors[0], JSON.stringify(body)).toMatchObject({ path, code })
    }
    const score = await c.get('/api/v1/duplicates?minScore=200')
    expect(score.statusCode).toBe(400)
    expect(score.json().errors[0].path).toBe('querystring.minScore')
  })

  it("answers 404 for another workspace's records, pairs and scans", async () => {
    const { c, ids } = await contactsWorkspace()
    const done = await scan(c, { objectType: 'contact' })
    const [pair] = await queue(c)
    const other = await makeWorkspace(t, 'Toinen Oy')
    expect(await queue(other)).toEqual([])
    expect((await other.post(`/api/v1/duplicates/${pair?.id}/dismiss`)).statusCode).toBe(404)
    expect((await other.get(`/api/v1/duplicates/scans/${done.id}`)).statusCode).toBe(404)
    const focus = await other.post('/api/v1/duplicates/scans', {
      objectType: 'contact',
      recordId: ids.email1,
    })
    expect(focus.statusCode).toBe(404)
  })

  it('lets readers see the queue but only editors scan and dismiss; scopes hide pairs', async () => {
    const { c, ids } = await contactsWorkspace()
    await scan(c, { objectType: 'contact' })
    const reader = await makeMember(t, c.workspaceId, 'read-only')
    const [pair] = await queue(reader)
    expect(pair).toBeDefined()
    expect((await reader.post('/api/v1/duplicates/scans', {})).statusCode).toBe(403)
    expect((await reader.post(`/api/v1/duplicates/${pair?.id}/dismiss`)).statusCode).toBe(403)
    // A salesperson who sees only their own records sees no pair of the admin's records.
    const own = await makeMember(t, c.workspaceId, 'sales', 'own')
    expect(await queue(own)).toEqual([])
    const mine = await create(own, 'contacts', {
      firstName: 'Matti',
      lastName: 'Virtanen',
      emails: [{ address: 'matti@virtanen.fi' }],
    })
    await scan(c, { objectType: 'contact' })
    expect(await queue(own)).toEqual([])
    const all = await queue(c)
    expect(all.some((d) => d.records.some((r) => r.id === mine.id))).toBe(true)
    expect(ids.email1).toBeDefined()
  })
})
