import { z } from 'zod'
import { timestampSchema } from './common.schema'

export const customFieldTypes = [
  'text',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'multi_select',
  'url',
  'email',
  'phone',
] as const
export type CustomFieldType = (typeof customFieldTypes)[number]

export const customFieldObjects = ['company', 'contact', 'activity', 'deal'] as const
export type CustomFieldObject = (typeof customFieldObjects)[number]

export const customFieldOptionSchema = z.strictObject({
  value: z.string().trim().min(1).max(100),
  labelFi: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
})

export const customFieldSchema = z.object({
  id: z.uuid(),
  objectType: z.enum(customFieldObjects),
  key: z.string(),
  labelFi: z.string(),
  labelEn: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(customFieldOptionSchema),
  isRequired: z.boolean(),
  position: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type CustomField = z.infer<typeof customFieldSchema>

export const customFieldCreateSchema = z.strictObject({
  objectType: z.enum(customFieldObjects),
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, 'lowercase letters, digits and _; starts with a letter'),
  labelFi: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  type: z.enum(customFieldTypes),
  options: z.array(customFieldOptionSchema).max(500).optional(),
  isRequired: z.boolean().optional(),
  position: z.number().int().min(0).max(10000).optional(),
})
export type CustomFieldCreate = z.infer<typeof customFieldCreateSchema>

// The key and type stay as created: stored values were validated against them.
export const customFieldUpdateSchema = customFieldCreateSchema
  .omit({ objectType: true, key: true, type: true })
  .partial()
export type CustomFieldUpdate = z.infer<typeof customFieldUpdateSchema>

/** Money in custom fields is integer minor units with an ISO currency, like every amount. */
export const moneyValueSchema = z.strictObject({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
})

export const customFieldListQuerySchema = z.strictObject({
  objectType: z.enum(customFieldObjects).optional(),
})

/** New order of one object's fields: the listed ids take positions 0, 1, 2… in this order. */
export const customFieldOrderSchema = z.strictObject({
  objectType: z.enum(customFieldObjects),
  ids: z.array(z.uuid()).min(1).max(1000),
})
export type CustomFieldOrder = z.infer<typeof customFieldOrderSchema>
