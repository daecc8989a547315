import { z } from 'zod'
import { timestampSchema } from './common.schema'

export const taggedObjects = ['company', 'contact'] as const

export const tagSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string().nullable(),
  usage: z
    .object({ company: z.number().int(), contact: z.number().int() })
    .describe('How many live records of each kind carry the tag'),
  createdAt: timestampSchema,
})
export type Tag = z.infer<typeof tagSchema>

export const tagCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .nullish(),
})
export type TagCreate = z.infer<typeof tagCreateSchema>

export const tagUpdateSchema = tagCreateSchema.partial()
export type TagUpdate = z.infer<typeof tagUpdateSchema>

/** Tags or untags many records at once; every id must exist and be visible to the caller. */
export const tagApplySchema = z.strictObject({
  objectType: z.enum(taggedObjects),
  ids: z.array(z.uuid()).min(1).max(5000),
})
export type TagApply = z.infer<typeof tagApplySchema>
