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

const option = (value: string) => ({ value, labelFi: value, labelEn: value })

async function define(ws: Client, body: Record<string, unknown>) {
  const res = await ws.post('/api/v1/custom-fields', {
    objectType: 'company',
    labelFi: 'Kenttä',
    labelEn: 'Field',
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const cases = [
  { type: 'text', valid: 'vapaa teksti', invalid: 42 },
  { type: 'number', valid: 12.5, invalid: 'kaksitoista' },
  { type: 'money', valid: { amount: 120000, currency: 'EUR' }, invalid: { amount: 1.5 } },
  { type: 'date', valid: '2026-11-23', invalid: '23.11.2026' },
  { type: 'boolean', valid: true, invalid: 'kyllä' },
  { type: 'select', valid: 'kulta', invalid: 'platina' },
  { type: 'multi_select', valid: ['kulta', 'hopea'], invalid: ['kulta', 'platina'] },
  { type: 'url', valid: 'https://suhde.dev', invalid: 'ei osoite' },
  { type: 'email', valid: 'myynti@kuppi.fi', invalid: 'myynti@' },
  { type: 'phone', valid: '040 123 4567', invalid: 'soita minulle' },
] as const

describe('custom field values on a company', () => {
  it('accepts a valid value and refuses an invalid one, naming custom.<key>, for each of the 10 types', async () => {
    const ws = await makeWorkspace(t)
    for (const c of cases) {
      const isSelect = c.type === 'select' || c.type === 'multi_select'
      await define(ws, {
        key: `f_${c.type}`,
        type: c.type,
        ...(isSelect ? { options: [option('kulta'), option('hopea')] } : {}),
      })
    }
    for (const c of cases) {
      const key = `f_${c.type}`
      const ok = await ws.post('/api/v1/companies', {
        name: `Oy ${c.type}`,
        custom: { [key]: c.valid },
      })
      expect(ok.statusCode, `${c.type}: ${ok.body}`).toBe(201)
      const bad = await ws.post('/api/v1/companies', {
        name: `Oy ${c.type}`,
        custom: { [key]: c.invalid },
      })
      expect(bad.statusCode, c.type).toBe(400)
      expect(bad.json().errors[0].path, c.type).toMatch(new RegExp(`^custom\\.${key}`))
    }
    const phone = await ws.get('/api/v1/companies?filter[name][eq]=Oy phone')
    expect(phone.json().data[0].custom.f_phone).toBe('+358401234567')
  })

  it('enforces a required field when a company is created', async () => {
    const ws = await makeWorkspace(t)
    await define(ws, { key: 'asiakasnumero', type: 'text', isRequired: true })
    const res = await ws.post('/api/v1/companies', { name: 'Pakko Oy' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'custom.asiakasnumero', code: 'required' }),
    ])
    const ok = await ws.post('/api/v1/companies', {
      name: 'Pakko Oy',
      custom: { asiakasnumero: 'A-1' },
    })
    expect(ok.statusCode).toBe(201)
  })

  it('filters and sorts companies by a custom field', async () => {
    const ws = await makeWorkspace(t)
    await define(ws, { key: 'liikevaihto', type: 'number' })
    for (const [name, value] of [
      ['Pieni Oy', 10],
      ['Iso Oy', 900],
      ['Keski Oy', 300],
    ] as const)
      await ws.post('/api/v1/companies', { name, custom: { liikevaihto: value } })
    await ws.post('/api/v1/companies', { name: 'Tyhjä Oy' })
    const res = await ws.get(
      '/api/v1/companies?filter[custom.liikevaihto][gte]=100&sort=-custom.liikevaihto',
    )
    expect(res.statusCode).toBe(200)
    expect(res.json().data.map((c: { name: string }) => c.name)).toEqual(['Iso Oy', 'Keski Oy'])
  })

  it('answers 400 for an unknown custom key in a value, a filter or a sort', async () => {
    const value = await admin.post('/api/v1/companies', { name: 'X Oy', custom: { eiole: 1 } })
    expect(value.statusCode).toBe(400)
    expect(value.json().errors[0]).toMatchObject({
      path: 'custom.eiole',
      code: 'unknown_custom_field',
    })
    const filter = await admin.get('/api/v1/companies?filter[custom.eiole][eq]=1')
    expect(filter.statusCode).toBe(400)
    expect(filter.json().errors[0]).toMatchObject({
      path: 'filter.custom.eiole.eq',
      code: 'unknown_custom_field',
    })
    expect((await admin.get('/api/v1/companies?sort=custom.eiole')).statusCode).toBe(400)
  })
})

describe('POST /api/v1/custom-fields', () => {
  it('refuses a key already used on the same object with 409 naming key, but allows it on another object', async () => {
    const ws = await makeWorkspace(t)
    await define(ws, { key: 'alue', type: 'text' })
    const again = await ws.post('/api/v1/custom-fields', {
      objectType: 'company',
      key: 'alue',
      labelFi: 'Alue',
      labelEn: 'Area',
      type: 'text',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'key', code: 'duplicate' }],
    })
    await define(ws, { key: 'alue', type: 'text', objectType: 'contact' })
  })

  it('requires at least one option with unique values for select fields', async () => {
    const base = { objectType: 'company', key: 'luokka', labelFi: 'Luokka', labelEn: 'Class' }
    const none = await admin.post('/api/v1/custom-fields', { ...base, type: 'select' })
    expect(none.statusCode).toBe(400)
    expect(none.json().errors[0]).toMatchObject({ path: 'options', code: 'too_small' })
    const twice = await admin.post('/api/v1/custom-fields', {
      ...base,
      type: 'multi_select',
      options: [option('a'), option('b'), option('a')],
    })
    expect(twice.statusCode).toBe(400)
    expect(twice.json().errors[0]).toMatchObject({ path: 'options.2.value', code: 'duplicate' })
    const list = await admin.get('/api/v1/custom-fields?objectType=company')
    expect(list.json().data.map((d: { key: string }) => d.key)).not.toContain('luokka')
  })

  it('lets only admins define fields; others may read them', async () => {
    const manager = await makeMember(t, admin.workspaceId, 'manager')
    const res = await manager.post('/api/v1/custom-fields', {
      objectType: 'company',
      key: 'salainen',
      labelFi: 'S',
      labelEn: 'S',
      type: 'text',
    })
    expect(res.statusCode).toBe(403)
    expect((await manager.get('/api/v1/custom-fields')).statusCode).toBe(200)
  })
})

describe('GET, PATCH, PUT order and DELETE /api/v1/custom-fields', () => {
  it('lists by object type and position, and reorders with PUT /order', async () => {
    const ws = await makeWorkspace(t)
    const a = await define(ws, { key: 'a', type: 'text' })
    const b = await define(ws, { key: 'b', type: 'text' })
    const c = await define(ws, { key: 'c', type: 'text' })
    await define(ws, { key: 'muu', type: 'text', objectType: 'activity' })
    const keys = async () =>
      (await ws.get('/api/v1/custom-fields?objectType=company'))
        .json()
        .data.map((d: { key: string }) => d.key)
    expect(await keys()).toEqual(['a', 'b', 'c'])
    const res = await ws.request({
      method: 'PUT',
      url: '/api/v1/custom-fields/order',
      payload: { objectType: 'company', ids: [c.id, a.id] },
    })
    expect(res.statusCode).toBe(200)
    expect(await keys()).toEqual(['c', 'a', 'b'])
    const wrong = await ws.request({
      method: 'PUT',
      url: '/api/v1/custom-fields/order',
      payload: { objectType: 'contact', ids: [b.id] },
    })
    expect(wrong.json().errors[0]).toMatchObject({ path: 'ids.0', code: 'unknown_reference' })
  })

  it('changes labels, required and options; a removed option stays on records that store it', async () => {
    const ws = await makeWorkspace(t)
    const def = await define(ws, {
      key: 'taso',
      type: 'select',
      options: [option('kulta'), option('hopea')],
    })
    const company = (
      await ws.post('/api/v1/companies', { name: 'Taso Oy', custom: { taso: 'kulta' } })
    ).json()
    const res = await ws.patch(`/api/v1/custom-fields/${def.id}`, {
      labelEn: 'Level',
      isRequired: true,
      options: [option('hopea')],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      key: 'taso',
      labelEn: 'Level',
      isRequired: true,
      options: [option('hopea')],
    })
    expect((await ws.get(`/api/v1/companies/${company.id}`)).json().custom).toEqual({
      taso: 'kulta',
    })
    const rewrite = await ws.patch(`/api/v1/companies/${company.id}`, { custom: { taso: 'kulta' } })
    expect(rewrite.json().errors[0]).toMatchObject({ path: 'custom.taso', code: 'invalid_option' })
    const empty = await ws.patch(`/api/v1/custom-fields/${def.id}`, { options: [] })
    expect(empty.json().errors[0]).toMatchObject({ path: 'options', code: 'too_small' })
  })

  it('deletes a field together with its values on every record', async () => {
    const ws = await makeWorkspace(t)
    const def = await define(ws, { key: 'poistuva', type: 'number' })
    await define(ws, { key: 'jaava', type: 'number' })
    const company = (
      await ws.post('/api/v1/companies', { name: 'Arvo Oy', custom: { poistuva: 1, jaava: 2 } })
    ).json()
    expect((await ws.delete(`/api/v1/custom-fields/${def.id}`)).statusCode).toBe(204)
    expect((await ws.get(`/api/v1/companies/${company.id}`)).json().custom).toEqual({ jaava: 2 })
    const row = await t.deps.db
      .selectFrom('companies')
      .select('custom')
      .where('workspace_id', '=', ws.workspaceId)
      .where('id', '=', company.id)
      .executeTakeFirstOrThrow()
    expect(row.custom).toEqual({ jaava: 2 })
    // The key is free again, and the old value does not come back with it.
    await define(ws, { key: 'poistuva', type: 'text' })
    expect((await ws.get(`/api/v1/companies/${company.id}`)).json().custom).toEqual({ jaava: 2 })
  })

  it("answers 404 for another workspace's definition", async () => {
    const other = await makeWorkspace(t, 'Toinen Oy')
    const theirs = await define(other, { key: 'heidan', type: 'text' })
    expect(
      (await admin.patch(`/api/v1/custom-fields/${theirs.id}`, { labelFi: 'X' })).statusCode,
    ).toBe(404)
    expect((await admin.delete(`/api/v1/custom-fields/${theirs.id}`)).statusCode).toBe(404)
    const mine = (await admin.get('/api/v1/custom-fields')).json().data
    expect(mine.map((d: { id: string }) => d.id)).not.toContain(theirs.id)
    expect((await other.get('/api/v1/custom-fields')).json().data).toHaveLength(1)
  })
})
