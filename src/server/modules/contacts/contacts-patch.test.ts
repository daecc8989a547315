import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace, type Client } from '../../test/factories'

// PATCH of a contact's own values is one read and one version-guarded write (no transaction):
// what it stores, records and answers must be what the locking path gave.

let t: TestApp
let ws: Client

beforeAll(async () => {
  t = await createTestApp()
  ws = await makeWorkspace(t)
})
afterAll(async () => t.close())

type Change = { field: string; old: unknown; new: unknown }
type Event = { eventType: string; changes: Change[] | null }

async function updates(id: string): Promise<Event[]> {
  const res = await ws.get(`/api/v1/contacts/${id}/timeline`)
  return (res.json().data as Event[]).filter((e) => e.eventType === 'updated')
}

describe('PATCH /api/v1/contacts/:id', () => {
  it('records only the fields that changed, and nothing for a patch that changes nothing', async () => {
    const contact = (
      await ws.post('/api/v1/contacts', {
        lastName: 'Laine',
        address: { street: 'Esplanadi 1', postalCode: '00130', city: 'Helsinki' },
        source: { channel: 'form', utm: { source: 'news' } },
      })
    ).json()
    // The same address in another key order, and the same source: no change.
    const same = await ws.patch(`/api/v1/contacts/${contact.id}`, {
      address: { city: 'Helsinki', postalCode: '00130', street: 'Esplanadi 1' },
      source: contact.source,
      ownerId: contact.ownerId.toUpperCase(),
    })
    expect(same.statusCode).toBe(200)
    expect(await updates(contact.id)).toEqual([])

    const res = await ws.patch(`/api/v1/contacts/${contact.id}`, { title: 'Myyntipäällikkö' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ title: 'Myyntipäällikkö', lastName: 'Laine' })
    expect(res.json().updatedAt > contact.updatedAt).toBe(true)
    const events = await updates(contact.id)
    expect(events).toHaveLength(1)
    expect(events[0]!.changes).toEqual([{ field: 'title', old: null, new: 'Myyntipäällikkö' }])
    const stored = (await ws.get(`/api/v1/contacts/${contact.id}`)).json()
    expect(stored).toMatchObject({ title: 'Myyntipäällikkö', address: contact.address })
  })

  it('keeps every one of concurrent patches of one contact, each with its own event', async () => {
    const contact = (await ws.post('/api/v1/contacts', { lastName: 'Nieminen' })).json()
    const titles = Array.from({ length: 6 }, (_, i) => `Titteli ${i}`)
    const answers = await Promise.all(
      titles.map((title) => ws.patch(`/api/v1/contacts/${contact.id}`, { title })),
    )
    expect(answers.map((r) => r.statusCode)).toEqual(titles.map(() => 200))
    const events = await updates(contact.id)
    // Each patch saw the title the one before it wrote: the old values chain without a gap.
    expect(events).toHaveLength(titles.length)
    const pairs = events.map((e) => e.changes![0]!)
    expect(pairs.map((c) => c.new).sort()).toEqual([...titles].sort())
    // One patch saw no title; every other saw one that another patch wrote, and the last
    // written is the one stored.
    const olds = pairs.map((c) => c.old)
    expect(olds.filter((o) => o === null)).toHaveLength(1)
    const final = (await ws.get(`/api/v1/contacts/${contact.id}`)).json().title
    expect([...olds.filter((o) => o !== null), final].sort()).toEqual([...titles].sort())
  })

  it('answers 404 for a contact of another workspace and writes no audit entry', async () => {
    const other = await makeWorkspace(t, 'Muu Oy')
    const theirs = (await other.post('/api/v1/contacts', { lastName: 'Muu' })).json()
    const res = await ws.patch(`/api/v1/contacts/${theirs.id}`, { title: 'X' })
    expect(res.statusCode).toBe(404)
    expect((await other.get(`/api/v1/contacts/${theirs.id}`)).json().title).toBeNull()
  })
})
