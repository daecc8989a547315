import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeMember, makeWorkspace, type Client } from '../../test/factories'

let t: TestApp
let admin: Client

beforeAll(async () => {
  t = await createTestApp()
  admin = await makeWorkspace(t)
})
afterAll(async () => t.close())

type Activity = { id: string; subject: string; done: boolean; type: string }

async function create(ws: Client, body: Record<string, unknown>): Promise<Activity> {
  const res = await ws.post('/api/v1/activities', body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString()
const subjects = (page: { data: { subject: string }[] }) => page.data.map((a) => a.subject).sort()

describe('POST /api/v1/activities', () => {
  it('logs a call on a company and shows it in the company timeline', async () => {
    const company = (await admin.post('/api/v1/companies', { name: 'Soitettu Oy' })).json()
    const call = await create(admin, {
      type: 'call',
      subject: 'Kartoituspuhelu',
      body: 'Kiinnostuneita ensi vuonna',
      durationMinutes: 15,
      companyId: company.id,
    })
    expect(call).toMatchObject({ assigneeId: admin.userId, done: false, dueAt: null })
    expect(Date.parse((call as unknown as { occurredAt: string }).occurredAt)).toBeGreaterThan(
      Date.now() - 60_000,
    )
    const events = (await admin.get(`/api/v1/companies/${company.id}/timeline`)).json().data
    expect(events.map((e: { eventType: string }) => e.eventType)).toEqual(['activity', 'created'])
    expect(events[0].data).toEqual({
      activityId: call.id,
      type: 'call',
      subject: 'Kartoituspuhelu',
      action: 'created',
    })
    const own = (await admin.get(`/api/v1/activities/${call.id}/timeline`)).json().data
    expect(own.map((e: { eventType: string }) => e.eventType)).toEqual(['created'])
  })

  it('notes a meeting on both the contact and the company timeline', async () => {
    const company = (await admin.post('/api/v1/companies', { name: 'Tapaaja Oy' })).json()
    const contact = await admin.post('/api/v1/contacts', {
      firstName: 'Tiina',
      lastName: 'Tapaaja',
    })
    expect(contact.statusCode, contact.body).toBe(201)
    const meeting = await create(admin, {
      type: 'meeting',
      subject: 'Vuosipalaveri',
      occurredAt: hours(2),
      companyId: company.id,
      contactId: contact.json().id,
    })
    for (const url of [
      `/api/v1/companies/${company.id}/timeline`,
      `/api/v1/contacts/${contact.json().id}/timeline`,
    ]) {
      const events = (await admin.get(url)).json().data
      expect(events[0], url).toMatchObject({
        eventType: 'activity',
        data: { activityId: meeting.id, type: 'meeting', subject: 'Vuosipalaveri' },
      })
    }
  })

  it('answers 400 naming the fields that are wrong, and writes nothing', async () => {
    const ws = await makeWorkspace(t)
    const missing = await ws.post('/api/v1/activities', { type: 'call', durationMinutes: -5 })
    expect(missing.statusCode).toBe(400)
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['durationMinutes', 'subject'])
    const badType = await ws.post('/api/v1/activities', { type: 'lunch', subject: 'Lounas' })
    expect(badType.json().errors[0].path).toBe('type')
    const due = await ws.post('/api/v1/activities', { type: 'call', subject: 'X', dueAt: hours(1) })
    expect(due.json().errors[0]).toMatchObject({ path: 'dueAt', code: 'task_only' })
    const bulk = await ws.post('/api/v1/activities/bulk', {
      records: [
        { type: 'note', subject: 'Hyvä' },
        { type: 'note', subject: 'Huono', done: true },
      ],
    })
    expect(bulk.json().errors[0]).toMatchObject({ path: 'records.1.done', code: 'task_only' })
    expect((await ws.get('/api/v1/activities')).json().data).toEqual([])
  })

  it('validates custom fields of activities', async () => {
    const ws = await makeWorkspace(t)
    await ws.post('/api/v1/custom-fields', {
      objectType: 'activity',
      key: 'kanava',
      labelFi: 'Kanava',
      labelEn: 'Channel',
      type: 'select',
      options: [{ value: 'teams', labelFi: 'Teams', labelEn: 'Teams' }],
    })
    const bad = await ws.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Palaveri',
      custom: { kanava: 'zoom' },
    })
    expect(bad.json().errors[0]).toMatchObject({ path: 'custom.kanava', code: 'invalid_option' })
    await create(ws, { type: 'meeting', subject: 'Palaveri', custom: { kanava: 'teams' } })
    const found = await ws.get('/api/v1/activities?filter[custom.kanava][eq]=teams')
    expect(subjects(found.json())).toEqual(['Palaveri'])
  })

  it('refuses a company of another workspace with unknown_reference', async () => {
    const other = await makeWorkspace(t, 'Toinen Oy')
    const theirs = (await other.post('/api/v1/companies', { name: 'Vieras Oy' })).json()
    const res = await admin.post('/api/v1/activities', {
      type: 'note',
      subject: 'Urkintaa',
      companyId: theirs.id,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({ path: 'companyId', code: 'unknown_reference' })
    const timeline = (await other.get(`/api/v1/companies/${theirs.id}/timeline`)).json().data
    expect(timeline).toHaveLength(1)
    const theirContact = (await other.post('/api/v1/contacts', { firstName: 'Vieras' })).json()
    const contact = await admin.post('/api/v1/activities', {
      type: 'note',
      subject: 'Urkintaa',
      contactId: theirContact.id,
    })
    expect(contact.json().errors[0]).toMatchObject({ path: 'contactId', code: 'unknown_reference' })
    const assignee = await admin.post('/api/v1/activities', {
      type: 'task',
      subject: 'Vieraalle',
      assigneeId: other.userId,
    })
    expect(assignee.json().errors[0]).toMatchObject({
      path: 'assigneeId',
      code: 'unknown_reference',
    })
  })
})

describe('tasks and my day', () => {
  it('shows a task due yesterday as overdue until it is done, and records its completion', async () => {
    const ws = await makeWorkspace(t)
    const company = (await ws.post('/api/v1/companies', { name: 'Tehtävä Oy' })).json()
    const late = await create(ws, {
      type: 'task',
      subject: 'Lähetä tarjous',
      dueAt: hours(-24),
      companyId: company.id,
    })
    await create(ws, { type: 'task', subject: 'Myöhemmin', dueAt: hours(24 * 3) })
    await create(ws, { type: 'meeting', subject: 'Esittely', occurredAt: hours(48) })
    await create(ws, { type: 'meeting', subject: 'Liian kaukana', occurredAt: hours(24 * 10) })
    const day = (await ws.get('/api/v1/activities/my-day')).json()
    expect(day.overdue.map((a: Activity) => a.subject)).toEqual(['Lähetä tarjous'])
    expect(day.upcomingMeetings.map((a: Activity) => a.subject)).toEqual(['Esittely'])
    expect(subjects((await ws.get('/api/v1/activities?overdue=true')).json())).toEqual([
      'Lähetä tarjous',
    ])

    const done = await ws.patch(`/api/v1/activities/${late.id}`, { done: true })
    expect(done.json()).toMatchObject({ done: true })
    expect((await ws.get('/api/v1/activities/my-day')).json().overdue).toEqual([])
    const events = (await ws.get(`/api/v1/activities/${late.id}/timeline`)).json().data
    expect(events[0]).toMatchObject({
      eventType: 'completed',
      changes: [{ field: 'done', old: false, new: true }],
    })
    const onCompany = (await ws.get(`/api/v1/companies/${company.id}/timeline`)).json().data
    expect(onCompany[0]).toMatchObject({ eventType: 'activity', data: { action: 'completed' } })
  })

  it('ends "today" at midnight in the workspace time zone, not in UTC', async () => {
    const ws = await makeWorkspace(t)
    // Fixed-offset zones without daylight saving: their midnights are 10:00 and 12:00 UTC.
    for (const [zone, offsetHours] of [
      ['Pacific/Kiritimati', 14],
      ['Etc/GMT+12', -12],
    ] as const) {
      await t.deps.db
        .updateTable('workspaces')
        .set({ time_zone: zone })
        .where('id', '=', ws.workspaceId)
        .execute()
      const day = 24 * 3600_000
      const offset = offsetHours * 3600_000
      const midnight = Math.floor((Date.now() + offset) / day) * day + day - offset
      const before = await create(ws, {
        type: 'task',
        subject: `${zone} today`,
        dueAt: new Date(midnight - 60_000).toISOString(),
      })
      const after = await create(ws, {
        type: 'task',
        subject: `${zone} tomorrow`,
        dueAt: new Date(midnight + 60_000).toISOString(),
      })
      const myDay = (await ws.get('/api/v1/activities/my-day')).json()
      expect(myDay.dueToday.map((a: Activity) => a.subject)).toEqual([`${zone} today`])
      await ws.post('/api/v1/activities/bulk-delete', { ids: [before.id, after.id] })
    }
  })
})

describe('GET /api/v1/activities', () => {
  it('filters by type, assignee, company, done and due time, and searches', async () => {
    const ws = await makeWorkspace(t)
    const seller = await makeMember(t, ws.workspaceId, 'sales')
    const company = (await ws.post('/api/v1/companies', { name: 'Suodatus Oy' })).json()
    await create(ws, { type: 'call', subject: 'Puhelu', companyId: company.id })
    await create(ws, { type: 'task', subject: 'Tehty', done: true, dueAt: hours(-48) })
    await create(ws, {
      type: 'task',
      subject: 'Myyjän tehtävä',
      dueAt: hours(30),
      assigneeId: seller.userId,
    })
    await create(ws, { type: 'note', subject: 'Muistio', body: 'Asiakas mainitsi kilpailijan' })
    const q = async (query: string) =>
      subjects((await ws.get(`/api/v1/activities?${query}`)).json())
    expect(await q('filter[type][eq]=task')).toEqual(['Myyjän tehtävä', 'Tehty'])
    expect(await q(`filter[assigneeId][eq]=${seller.userId}`)).toEqual(['Myyjän tehtävä'])
    expect(await q(`filter[companyId][eq]=${company.id}`)).toEqual(['Puhelu'])
    expect(await q('filter[type][eq]=task&filter[done][eq]=true')).toEqual(['Tehty'])
    expect(await q(`filter[dueAt][gte]=${hours(0)}&filter[dueAt][lt]=${hours(72)}`)).toEqual([
      'Myyjän tehtävä',
    ])
    expect(await q('q=kilpailija')).toEqual(['Muistio'])
    const sorted = (await ws.get('/api/v1/activities?filter[type][eq]=task&sort=dueAt')).json()
    expect(sorted.data.map((a: Activity) => a.subject)).toEqual(['Tehty', 'Myyjän tehtävä'])
    const bad = await ws.get('/api/v1/activities?filter[colour][eq]=red')
    expect(bad.json().errors[0].path).toBe('filter.colour.eq')
  })

  it('shows own-scope users only activities they are assigned or created', async () => {
    const seller = await makeMember(t, admin.workspaceId, 'sales', 'own')
    const mine = await create(seller, { type: 'note', subject: 'Oma muistio' })
    const assigned = await create(admin, {
      type: 'task',
      subject: 'Annettu tehtävä',
      assigneeId: seller.userId,
    })
    const hidden = await create(admin, { type: 'note', subject: 'Adminin muistio' })
    const seen = (await seller.get('/api/v1/activities?limit=500')).json().data
    expect(seen.map((a: Activity) => a.id).sort()).toEqual([mine.id, assigned.id].sort())
    expect((await seller.get(`/api/v1/activities/${hidden.id}`)).statusCode).toBe(404)
  })
})

describe('updates, bulk and access', () => {
  it('bulk creates, bulk updates and bulk deletes activities', async () => {
    const ws = await makeWorkspace(t)
    const records = Array.from({ length: 30 }, (_, i) => ({
      type: 'note',
      subject: `Muistio ${i}`,
    }))
    const created = await ws.post('/api/v1/activities/bulk', { records })
    expect(created.statusCode).toBe(201)
    const ids = created.json().data.map((a: Activity) => a.id)
    const patched = await ws.patch('/api/v1/activities/bulk', {
      records: ids.slice(0, 2).map((id: string) => ({ id, subject: 'Muutettu' })),
    })
    expect(patched.json().data.map((a: Activity) => a.subject)).toEqual(['Muutettu', 'Muutettu'])
    const deleted = await ws.post('/api/v1/activities/bulk-delete', { ids: ids.slice(0, 10) })
    expect(deleted.json()).toEqual({ count: 10 })
    expect((await ws.get('/api/v1/activities?includeTotal=true')).json().total).toBe(20)
  })

  it('answers 404 for an activity of another workspace, for reads and writes', async () => {
    const other = await makeWorkspace(t, 'Kolmas Oy')
    const theirs = await create(other, { type: 'note', subject: 'Salainen' })
    expect((await admin.get(`/api/v1/activities/${theirs.id}`)).statusCode).toBe(404)
    expect((await admin.get(`/api/v1/activities/${theirs.id}/timeline`)).statusCode).toBe(404)
    const patch = await admin.patch(`/api/v1/activities/${theirs.id}`, { subject: 'X' })
    expect(patch.statusCode).toBe(404)
    expect((await admin.delete(`/api/v1/activities/${theirs.id}`)).statusCode).toBe(404)
    expect((await other.get(`/api/v1/activities/${theirs.id}`)).json().subject).toBe('Salainen')
  })

  it('lets read-only users read activities but not write them', async () => {
    const reader = await makeMember(t, admin.workspaceId, 'read-only')
    const note = await create(admin, { type: 'note', subject: 'Luettava' })
    expect((await reader.get(`/api/v1/activities/${note.id}`)).statusCode).toBe(200)
    expect(
      (await reader.post('/api/v1/activities', { type: 'note', subject: 'Ei' })).statusCode,
    ).toBe(403)
    expect(
      (await reader.patch(`/api/v1/activities/${note.id}`, { subject: 'Ei' })).statusCode,
    ).toBe(403)
    expect((await reader.delete(`/api/v1/activities/${note.id}`)).statusCode).toBe(403)
  })

  it('moving an activity to another company notes it on both timelines', async () => {
    const from = (await admin.post('/api/v1/companies', { name: 'Lähtö Oy' })).json()
    const to = (await admin.post('/api/v1/companies', { name: 'Kohde Oy' })).json()
    const note = await create(admin, { type: 'note', subject: 'Siirtyvä', companyId: from.id })
    await admin.patch(`/api/v1/activities/${note.id}`, { companyId: to.id })
    for (const c of [from, to]) {
      const events = (await admin.get(`/api/v1/companies/${c.id}/timeline`)).json().data
      expect(events[0]).toMatchObject({ eventType: 'activity', data: { action: 'updated' } })
    }
  })
})

describe('links to records the author cannot see', () => {
  it('refuses an own-scope user an activity on a company or contact hidden from them, as if it did not exist', async () => {
    const seller = await makeMember(t, admin.workspaceId, 'sales', 'own')
    const hiddenCompany = (await admin.post('/api/v1/companies', { name: 'Piilossa Oy' })).json()
    const hiddenContact = (await admin.post('/api/v1/contacts', { lastName: 'Piilonen' })).json()
    const onCompany = await seller.post('/api/v1/activities', {
      type: 'note',
      subject: 'Urkinta',
      companyId: hiddenCompany.id,
    })
    expect(onCompany.statusCode).toBe(400)
    expect(onCompany.json().errors[0]).toMatchObject({
      path: 'companyId',
      code: 'unknown_reference',
    })
    const mine = (
      await seller.post('/api/v1/activities', { type: 'note', subject: 'Oma muistiinpano' })
    ).json()
    const relinked = await seller.patch(`/api/v1/activities/${mine.id}`, {
      contactId: hiddenContact.id,
    })
    expect(relinked.statusCode).toBe(400)
    expect(relinked.json().errors[0]).toMatchObject({
      path: 'contactId',
      code: 'unknown_reference',
    })
    const timeline = (await admin.get(`/api/v1/companies/${hiddenCompany.id}/timeline`)).json().data
    expect(timeline.map((e: { eventType: string }) => e.eventType)).toEqual(['created'])
  })
})

describe('OpenAPI', () => {
  it('documents the activity, tag and custom field endpoints', async () => {
    const res = await admin.get('/api/v1/openapi.json')
    expect(res.statusCode).toBe(200)
    const paths = Object.keys(res.json().paths)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/activities',
        '/api/v1/activities/my-day',
        '/api/v1/activities/{id}/timeline',
        '/api/v1/tags/{id}/apply',
        '/api/v1/custom-fields/order',
      ]),
    )
  })
})
