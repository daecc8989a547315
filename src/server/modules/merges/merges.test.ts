import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'
import { makePipeline } from '../deals/sales-fixtures'
import { jobHandlers } from '../jobs/job-handlers'
import { runQueuedJobs } from '../jobs/job-runner'
import { makePurpose } from '../privacy/privacy.fixtures'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

type Json = Record<string, unknown> & { id: string }

async function create(c: Client, path: string, body: Record<string, unknown>): Promise<Json> {
  const res = await c.post(`/api/v1/${path}`, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const get = async (c: Client, path: string) => {
  const res = await c.get(`/api/v1/${path}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

/** Two records of one person with activities, deals, companies, tags and consents each. */
async function twoContacts(c: Client) {
  const [t1, t2] = [
    await create(c, 'tags', { name: `Asiakas ${c.workspaceId.slice(-6)}` }),
    await create(c, 'tags', { name: `Messut ${c.workspaceId.slice(-6)}` }),
  ]
  await create(c, 'custom-fields', {
    objectType: 'contact',
    key: 'customer_no',
    labelFi: 'Asiakasnumero',
    labelEn: 'Customer number',
    type: 'text',
  })
  const [c1, c2] = [
    await create(c, 'companies', { name: 'Virtanen Oy' }),
    await create(c, 'companies', { name: 'Kuljetus Oy' }),
  ]
  const survivor = await create(c, 'contacts', {
    firstName: 'Matti',
    lastName: 'Virtanen',
    title: 'Toimitusjohtaja',
    emails: [{ address: 'matti@virtanen.fi' }],
    tagIds: [t1.id],
    companies: [{ companyId: c1.id, isPrimary: true }],
  })
  const merged = await create(c, 'contacts', {
    firstName: 'Matti',
    lastName: 'Virtanen',
    title: 'CEO',
    emails: [{ address: 'matti.virtanen@kuljetus.fi' }, { address: 'MATTI@virtanen.fi' }],
    phones: [{ number: '040 123 4567' }],
    tagIds: [t2.id],
    companies: [{ companyId: c2.id, isPrimary: true }],
    custom: { customer_no: 'A-100' },
  })
  const activity = await create(c, 'activities', {
    type: 'call',
    subject: 'Soitto',
    contactId: merged.id,
  })
  const pipeline = await makePipeline(c, `Myynti ${merged.id.slice(-6)}`)
  const onlyMerged = await create(c, 'deals', {
    title: 'Kalusto',
    pipelineId: pipeline.id,
    contacts: [{ contactId: merged.id }],
  })
  const both = await create(c, 'deals', {
    title: 'Huolto',
    pipelineId: pipeline.id,
    contacts: [{ contactId: merged.id }, { contactId: survivor.id }],
  })
  const purpose = await makePurpose(c)
  const consent = await c.post(`/api/v1/contacts/${merged.id}/consents`, {
    purposeKey: purpose.key,
    status: 'granted',
  })
  expect(consent.statusCode, consent.body).toBe(201)
  return { survivor, merged, t1, t2, c1, c2, activity, onlyMerged, both, purpose }
}

describe('POST /api/v1/merges (contacts)', () => {
  it('moves activities, deals, companies, tags, consents and timeline to the survivor', async () => {
    const c = await makeWorkspace(t)
    const x = await twoContacts(c)
    const body = {
      objectType: 'contact',
      survivorId: x.survivor.id,
      mergedIds: [x.merged.id],
      fields: { title: x.merged.id },
    }
    const preview = await c.post('/api/v1/merges/preview', body)
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json().record).toMatchObject({ id: x.survivor.id, title: 'CEO' })
    expect(preview.json().moved).toMatchObject({ activities: 1, deals: 2, companies: 1 })

    const res = await c.post('/api/v1/merges', body)
    expect(res.statusCode, res.body).toBe(201)
    const merge = res.json()
    expect(merge).toMatchObject({ survivorId: x.survivor.id, mergedIds: [x.merged.id] })
    expect(merge.moved).toMatchObject({
      activities: 1,
      deals: 1,
      companies: 1,
      consents: 1,
      tags: 1,
    })
    const record = merge.record
    expect(record.title).toBe('CEO')
    expect(record.firstName).toBe('Matti')
    // Emails: the union, the survivor's primary stays primary, no address twice.
    expect(
      record.emails.map((e: { address: string; primary: boolean }) => [e.address, e.primary]),
    ).toEqual([
      ['matti@virtanen.fi', true],
      ['matti.virtanen@kuljetus.fi', false],
    ])
    expect(record.phones).toEqual([{ number: '+358401234567', label: null }])
    expect(record.custom).toEqual({ customer_no: 'A-100' })
    expect(record.tags.map((tg: { id: string }) => tg.id).sort()).toEqual([x.t1.id, x.t2.id].sort())
    expect(
      record.companies.map((l: { companyId: string; isPrimary: boolean }) => [
        l.companyId,
        l.isPrimary,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [x.c1.id, true],
        [x.c2.id, false],
      ]),
    )

    expect((await get(c, `activities/${x.activity.id}`)).contactId).toBe(x.survivor.id)
    const contactsOf = async (id: string) =>
      (await get(c, `deals/${id}`)).contacts.map((d: { contactId: string }) => d.contactId)
    expect(await contactsOf(x.onlyMerged.id)).toEqual([x.survivor.id])
    expect(await contactsOf(x.both.id)).toEqual([x.survivor.id])
    const consents = await get(c, `contacts/${x.survivor.id}/consents`)
    expect(
      consents.current.find((s: { purposeId: string }) => s.purposeId === x.purpose.id),
    ).toMatchObject({ status: 'granted' })

    const timeline = (await get(c, `contacts/${x.survivor.id}/timeline`)).data as {
      eventType: string
      data: Record<string, unknown> | null
      changes: { field: string }[] | null
    }[]
    const mergedEvent = timeline.find((e) => e.eventType === 'merged')
    expect(mergedEvent?.data).toMatchObject({ mergeId: merge.id, mergedIds: [x.merged.id] })
    expect(mergedEvent?.changes?.map((ch) => ch.field)).toEqual(
      expect.arrayContaining(['title', 'emails', 'tags']),
    )
    expect(timeline).toContainEqual(
      expect.objectContaining({
        eventType: 'created',
        data: expect.objectContaining({ mergedFrom: x.merged.id }),
      }),
    )

    // The merged record is gone from lists and its own URL redirects to the survivor.
    const old = await c.get(`/api/v1/contacts/${x.merged.id}`)
    expect(old.statusCode).toBe(308)
    expect(old.headers.location).toBe(`/api/v1/contacts/${x.survivor.id}`)
    const list = await get(c, `contacts?filter[lastName][eq]=Virtanen`)
    expect(list.data.map((r: { id: string }) => r.id)).toEqual([x.survivor.id])
    expect((await get(c, `merges/${merge.id}`)).fields).toEqual({ title: x.merged.id })
    const audit = await get(c, `audit-log?action=merge&recordId=${x.survivor.id}`)
    expect(audit.data[0]).toMatchObject({ action: 'merge', objectType: 'contact' })
  })

  it('applies the chosen record per field, including lists and custom fields', async () => {
    const c = await makeWorkspace(t)
    const x = await twoContacts(c)
    const res = await c.post('/api/v1/merges', {
      objectType: 'contact',
      survivorId: x.survivor.id,
      mergedIds: [x.merged.id],
      fields: { emails: x.merged.id, tags: x.survivor.id, 'custom.customer_no': x.survivor.id },
    })
    expect(res.statusCode, res.body).toBe(201)
    const record = res.json().record
    expect(record.title).toBe('Toimitusjohtaja')
    expect(record.emails.map((e: { address: string }) => e.address)).toEqual([
      'matti.virtanen@kuljetus.fi',
      'matti@virtanen.fi',
    ])
    expect(record.tags.map((tg: { id: string }) => tg.id)).toEqual([x.t1.id])
    expect(record.custom).toEqual({})
  })

  it('marks the scanned pair merged and redirects along a chain of merges', async () => {
    const c = await makeWorkspace(t)
    const x = await twoContacts(c)
    await c.post('/api/v1/duplicates/scans', { objectType: 'contact' })
    await runQueuedJobs(t.deps, jobHandlers, undefined, c.workspaceId)
    const [pair] = (await get(c, 'duplicates')).data
    expect(pair.records.map((r: { id: string }) => r.id).sort()).toEqual(
      [x.survivor.id, x.merged.id].sort(),
    )
    await create(c, 'merges', {
      objectType: 'contact',
      survivorId: x.survivor.id,
      mergedIds: [x.merged.id],
    })
    expect((await get(c, 'duplicates')).data).toEqual([])
    expect(
      (await get(c, 'duplicates?status=merged')).data.map((d: { id: string }) => d.id),
    ).toEqual([pair.id])

    const third = await create(c, 'contacts', { firstName: 'M', lastName: 'Virtanen' })
    await create(c, 'merges', {
      objectType: 'contact',
      survivorId: third.id,
      mergedIds: [x.survivor.id],
    })
    const old = await c.get(`/api/v1/contacts/${x.merged.id}`)
    expect(old.headers.location).toBe(`/api/v1/contacts/${third.id}`)
    expect((await get(c, `activities/${x.activity.id}`)).contactId).toBe(third.id)
  })
})

describe('POST /api/v1/merges (companies)', () => {
  it('moves contacts, deals, activities and subsidiaries; the merged company redirects', async () => {
    const c = await makeWorkspace(t)
    const survivor = await create(c, 'companies', {
      name: 'Rovaniemen Lämpö Oy',
      businessId: '0737546-2',
    })
    const merged = await create(c, 'companies', {
      name: 'Rovaniemen Lämpö',
      businessId: '0737546-2',
      domain: 'rovaniemenlampo.fi',
    })
    const child = await create(c, 'companies', { name: 'Lämpö Pohjoinen Oy', parentId: merged.id })
    const person = await create(c, 'contacts', {
      firstName: 'Aino',
      lastName: 'Ojala',
      companies: [{ companyId: merged.id, isPrimary: true }],
    })
    const pipeline = await makePipeline(c)
    const deal = await create(c, 'deals', {
      title: 'Kaukolämpö',
      pipelineId: pipeline.id,
      companyId: merged.id,
    })
    const activity = await create(c, 'activities', {
      type: 'note',
      subject: 'Muistio',
      companyId: merged.id,
    })

    const res = await c.post('/api/v1/merges', {
      objectType: 'company',
      survivorId: survivor.id,
      mergedIds: [merged.id],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().record).toMatchObject({
      name: 'Rovaniemen Lämpö Oy',
      domain: 'rovaniemenlampo.fi',
    })
    expect(res.json().moved).toMatchObject({
      contacts: 1,
      deals: 1,
      activities: 1,
      subsidiaries: 1,
    })
    expect((await get(c, `deals/${deal.id}`)).companyId).toBe(survivor.id)
    expect((await get(c, `activities/${activity.id}`)).companyId).toBe(survivor.id)
    expect((await get(c, `companies/${child.id}`)).parentId).toBe(survivor.id)
    expect((await get(c, `contacts/${person.id}`)).companies).toEqual([
      expect.objectContaining({ companyId: survivor.id, isPrimary: true }),
    ])
    const old = await c.get(`/api/v1/companies/${merged.id}`)
    expect(old.statusCode).toBe(308)
    expect(old.headers.location).toBe(`/api/v1/companies/${survivor.id}`)
  })

  it('refuses a parent that would make the survivor its own ancestor', async () => {
    const c = await makeWorkspace(t)
    const survivor = await create(c, 'companies', { name: 'Emo Oy' })
    const child = await create(c, 'companies', { name: 'Tytär Oy', parentId: survivor.id })
    const merged = await create(c, 'companies', { name: 'Emo', parentId: child.id })
    const res = await c.post('/api/v1/merges', {
      objectType: 'company',
      survivorId: survivor.id,
      mergedIds: [merged.id],
      fields: { parentId: merged.id },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'fields.parentId', code: 'cycle' })
    expect((await c.get(`/api/v1/companies/${merged.id}`)).statusCode).toBe(200)
  })
})

describe('merge rules', () => {
  it('answers problem+json naming the field for bad input, and writes nothing', async () => {
    const c = await makeWorkspace(t)
    const a = await create(c, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const b = await create(c, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const base = { objectType: 'contact', survivorId: a.id, mergedIds: [b.id] }
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, objectType: 'person' }, 'objectType', 'invalid_value'],
      [{ ...base, mergedIds: [] }, 'mergedIds', 'too_small'],
      [{ ...base, survivorId: 'abc' }, 'survivorId', 'invalid_id'],
      [{ ...base, mergedIds: [a.id] }, 'mergedIds', 'merge_survivor_in_merged'],
      [{ ...base, mergedIds: [b.id, b.id] }, 'mergedIds', 'duplicate'],
      [{ ...base, fields: { nope: a.id } }, 'fields.nope', 'unknown_merge_field'],
      [{ ...base, fields: { title: 'union' } }, 'fields.title', 'merge_union_not_list'],
      [
        { ...base, fields: { title: '0190f7a0-0000-7000-8000-000000000000' } },
        'fields.title',
        'merge_record_not_in_merge',
      ],
      [{ ...base, fields: { title: 5 } }, 'fields.title', 'invalid_union'],
    ]
    for (const [body, path, code] of cases) {
      const res = await c.post('/api/v1/merges', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().errors[0], JSON.stringify(body)).toMatchObject({ path, code })
    }
    expect((await c.get(`/api/v1/contacts/${b.id}`)).statusCode).toBe(200)
  })

  it("answers 404 for another workspace's records and for a record merged already", async () => {
    const c = await makeWorkspace(t)
    const other = await makeWorkspace(t, 'Toinen Oy')
    const a = await create(c, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const b = await create(c, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const theirs = await create(other, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const post = (client: Client, survivorId: string, mergedIds: string[]) =>
      client.post('/api/v1/merges', { objectType: 'contact', survivorId, mergedIds })
    expect((await post(c, a.id, [theirs.id])).statusCode).toBe(404)
    expect((await post(c, theirs.id, [a.id])).statusCode).toBe(404)
    expect((await post(other, a.id, [b.id])).statusCode).toBe(404)
    expect((await post(c, a.id, [b.id])).statusCode).toBe(201)
    expect((await post(c, a.id, [b.id])).statusCode).toBe(404)
    expect(
      (
        await c.get(
          `/api/v1/merges/${(await get(c, `audit-log?action=merge`)).data[0].details.mergeId}`,
        )
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await other.get(
          `/api/v1/merges/${(await get(c, `audit-log?action=merge`)).data[0].details.mergeId}`,
        )
      ).statusCode,
    ).toBe(404)
  })

  it('needs update and delete rights, and records the actor may see', async () => {
    const c = await makeWorkspace(t)
    const a = await create(c, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const b = await create(c, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const body = { objectType: 'contact', survivorId: a.id, mergedIds: [b.id] }
    // Service may update contacts but not delete them; read-only may do neither.
    for (const role of ['service', 'read-only'] as const) {
      const member = await makeMember(t, c.workspaceId, role)
      const res = await member.post('/api/v1/merges', body)
      expect(res.statusCode, role).toBe(403)
      expect(res.json().code).toBe('FORBIDDEN')
    }
    // A salesperson who sees only their own contacts cannot merge the admin's.
    const own = await makeMember(t, c.workspaceId, 'sales', 'own')
    const mine = await create(own, 'contacts', { firstName: 'Aino', lastName: 'Ojala' })
    const res = await own.post('/api/v1/merges', { ...body, survivorId: mine.id })
    expect(res.statusCode).toBe(404)
    const ok = await c.post('/api/v1/merges', { ...body, mergedIds: [b.id, mine.id] })
    expect(ok.statusCode, ok.body).toBe(201)
  })
})
