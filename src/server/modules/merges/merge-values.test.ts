import { describe, expect, it } from 'vitest'
import { checkChoices, isEmptyValue, mergeRecordValues, type MergeRecord } from './merge-values'

const a = '0190f7a0-0000-7000-8000-00000000000a'
const b = '0190f7a0-0000-7000-8000-00000000000b'

const record = (
  id: string,
  values: Record<string, unknown>,
  tagIds: string[] = [],
): MergeRecord => ({
  id,
  values: { custom: {}, ...values },
  tagIds,
})

describe('mergeRecordValues', () => {
  it("keeps the survivor's value, fills its empty fields from the others", () => {
    const { values } = mergeRecordValues(
      'contact',
      [
        record(a, { firstName: 'Matti', title: null, interests: [] }),
        record(b, { firstName: 'Mati', title: 'CEO', interests: ['golf'] }),
      ],
      {},
    )
    expect(values).toMatchObject({ firstName: 'Matti', title: 'CEO', interests: ['golf'] })
  })

  it('takes the chosen record even when its value is empty', () => {
    const { values } = mergeRecordValues(
      'contact',
      [record(a, { title: 'CEO' }), record(b, { title: null })],
      { title: b },
    )
    expect(values.title).toBeNull()
  })

  it('unites emails with one primary, case-insensitively, and tags', () => {
    const merged = mergeRecordValues(
      'contact',
      [
        record(a, { emails: [{ address: 'x@a.fi', label: null, primary: true }] }, ['t1']),
        record(
          b,
          {
            emails: [
              { address: 'y@b.fi', label: null, primary: true },
              { address: 'X@A.FI', label: 'työ', primary: false },
            ],
          },
          ['t1', 't2'],
        ),
      ],
      {},
    )
    expect(merged.values.emails).toEqual([
      { address: 'x@a.fi', label: null, primary: true },
      { address: 'y@b.fi', label: null, primary: false },
    ])
    expect(merged.tagIds).toEqual(['t1', 't2'])
  })

  it('chooses custom fields one key at a time', () => {
    const { values } = mergeRecordValues(
      'company',
      [record(a, { custom: { no: '1', tier: 'A' } }), record(b, { custom: { no: '2', size: 9 } })],
      { 'custom.no': b },
    )
    expect(values.custom).toEqual({ no: '2', tier: 'A', size: 9 })
  })
})

describe('checkChoices', () => {
  it('names each bad choice by its field', () => {
    expect(() => checkChoices('contact', { nope: a, title: 'union', lastName: b }, [a])).toThrow(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ path: 'fields.nope', code: 'unknown_merge_field' }),
          expect.objectContaining({ path: 'fields.title', code: 'merge_union_not_list' }),
          expect.objectContaining({ path: 'fields.lastName', code: 'merge_record_not_in_merge' }),
        ],
      }),
    )
    expect(() => checkChoices('company', { tags: 'union', 'custom.no': a }, [a])).not.toThrow()
  })

  it('treats blank values, lists and objects as empty', () => {
    expect([null, '', [], { a: null, b: '' }].every(isEmptyValue)).toBe(true)
    expect([0, false, 'x', ['y']].some(isEmptyValue)).toBe(false)
  })
})
