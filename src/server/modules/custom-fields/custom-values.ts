import { z } from 'zod'
import { emailSchema, phoneNumberSchema } from '../../../shared/common.schema'
import { moneyValueSchema, type CustomField } from '../../../shared/custom-fields.schema'
import { normalizePhone } from '../../../shared/validators'
import { AppError, zodIssuesToFieldIssues } from '../../errors'

function valueSchema(def: CustomField): z.ZodType {
  const options = def.options.map((o) => o.value)
  switch (def.type) {
    case 'text':
      return z.string().max(10000)
    case 'number':
      return z.number().finite()
    case 'money':
      return moneyValueSchema
    case 'date':
      return z.iso.date()
    case 'boolean':
      return z.boolean()
    case 'select':
      return z.string().refine((v) => options.includes(v), { params: { code: 'invalid_option' } })
    case 'multi_select':
      return z
        .array(
          z.string().refine((v) => options.includes(v), { params: { code: 'invalid_option' } }),
        )
        .max(100)
    case 'url':
      return z.url().max(2000)
    case 'email':
      return emailSchema
    case 'phone':
      return phoneNumberSchema
  }
}

/**
 * Validates custom values against the workspace's definitions and returns the merged, normalised
 * values to store. `null` removes a value. A create must fill every required field; an update
 * may not empty one, but records made before a field became required can still be edited.
 */
export function validateCustomValues(
  defs: CustomField[],
  input: Record<string, unknown> | undefined,
  existing?: Record<string, unknown>,
): Record<string, unknown> {
  const isCreate = existing === undefined
  const byKey = new Map(defs.map((d) => [d.key, d]))
  const merged: Record<string, unknown> = { ...existing }
  const errors: { path: string; code: string; message: string }[] = []
  for (const [key, value] of Object.entries(input ?? {})) {
    const def = byKey.get(key)
    if (!def) {
      errors.push({ path: `custom.${key}`, code: 'unknown_custom_field', message: '' })
      continue
    }
    if (value === null || value === '') {
      delete merged[key]
      continue
    }
    const parsed = valueSchema(def).safeParse(value)
    if (!parsed.success) {
      errors.push(...zodIssuesToFieldIssues(parsed.error.issues, ['custom', key]))
      continue
    }
    merged[key] = def.type === 'phone' ? normalizePhone(parsed.data as string) : parsed.data
  }
  for (const def of defs) {
    const isChecked = isCreate || (input !== undefined && def.key in input)
    if (
      isChecked &&
      def.isRequired &&
      (merged[def.key] === undefined || merged[def.key] === null)
    ) {
      if (!errors.some((e) => e.path.startsWith(`custom.${def.key}`))) {
        errors.push({ path: `custom.${def.key}`, code: 'required', message: '' })
      }
    }
  }
  if (errors.length)
    throw new AppError('VALIDATION_FAILED', 'Custom field values are not valid', { errors })
  return merged
}
