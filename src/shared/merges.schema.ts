import { z } from 'zod'
import { companySchema, companyValueFields } from './companies.schema'
import { timestampSchema } from './common.schema'
import { contactSchema, contactValueFields } from './contacts.schema'
import { duplicateObjectTypeSchema } from './duplicates.schema'

// Merging duplicates: the survivor keeps its id; per field the user picks whose value to keep.
// List fields (emails, phones, interests, addresses, tags) take the union unless one record is
// picked. Custom fields are chosen as `custom.<key>`.

export const contactMergeFields = [...contactValueFields, 'tags'] as const
export const companyMergeFields = [...companyValueFields, 'tags'] as const
/** Fields whose default is the union of every record's values. */
export const unionMergeFields = ['emails', 'phones', 'interests', 'addresses', 'tags'] as const

export const mergeCreateSchema = z.strictObject({
  objectType: duplicateObjectTypeSchema,
  survivorId: z.uuid().describe('The record that stays; it keeps its id, links and history'),
  mergedIds: z
    .array(z.uuid())
    .min(1)
    .max(9)
    .describe('The records merged into the survivor; they are soft-deleted'),
  fields: z
    .record(z.string().max(80), z.union([z.uuid(), z.literal('union')]))
    .default({})
    .describe(
      'Per field, the id of the record whose value to keep, or "union" for a list field. Unnamed fields keep the survivor’s value, or the first non-empty one of the merged records.',
    ),
})
export type MergeCreate = z.infer<typeof mergeCreateSchema>
export type MergeCreateInput = z.input<typeof mergeCreateSchema>

export const mergeMovedSchema = z
  .record(z.string(), z.number())
  .describe('How many linked rows moved to the survivor, by kind (activities, deals…)')

export const mergeSchema = z.object({
  id: z.uuid(),
  objectType: duplicateObjectTypeSchema,
  survivorId: z.uuid(),
  mergedIds: z.array(z.uuid()),
  fields: z.record(z.string(), z.string()),
  moved: mergeMovedSchema,
  createdBy: z.uuid().nullable(),
  createdAt: timestampSchema,
})
export type Merge = z.infer<typeof mergeSchema>

const mergedRecordSchema = z.union([contactSchema, companySchema])

export const mergeResultSchema = mergeSchema.extend({ record: mergedRecordSchema })
export type MergeResult = z.infer<typeof mergeResultSchema>

export const mergePreviewSchema = z.object({
  objectType: duplicateObjectTypeSchema,
  survivorId: z.uuid(),
  mergedIds: z.array(z.uuid()),
  record: mergedRecordSchema.describe('The survivor as it would be after the merge'),
  moved: mergeMovedSchema,
})
export type MergePreview = z.infer<typeof mergePreviewSchema>
