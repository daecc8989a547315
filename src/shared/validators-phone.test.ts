import { describe, expect, it } from 'vitest'
import { normalizePhone, phoneForms } from './validators'

describe('phoneForms', () => {
  it('gives the E.164 form of the validator and the national digits, for any spelling', () => {
    for (const typed of ['040 123 4567', '+358 40 123 4567', '+358401234567', ' 0401234567 ']) {
      expect(phoneForms(typed)).toEqual({ e164: '+358401234567', nationalDigits: '0401234567' })
      expect(phoneForms(typed).e164).toBe(normalizePhone(typed))
    }
    expect(phoneForms('+1 202 555 0143').e164).toBe(normalizePhone('+1 202 555 0143'))
  })

  it('has no E.164 form for what is not a valid number', () => {
    expect(phoneForms('123').e164).toBeNull()
    expect(phoneForms('not a phone')).toEqual({ e164: null, nationalDigits: null })
  })
})
