import { z } from 'zod'
import { filterOps, timestampSchema } from './common.schema'

// Saved views of a list (RPT-4). `query` holds what the list page needs to show the view again:
// the same filter, sort and q the list endpoint takes, plus the visible columns in order.

export const viewObjects = ['company', 'contact', 'activity'] as const
export type ViewObject = (typeof viewObjects)[number]

export const viewQuerySchema = z.strictObject({
  filter: z
    .record(z.string().max(100), z.partialRecord(z.enum(filterOps), z.string().max(10000)))
    .optional(),
  sort: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  columns: z.array(z.string().max(100)).max(200).optional(),
})
export type ViewQuery = z.infer<typeof viewQuerySchema>

export const savedViewSchema = z.object({
  id: z.uuid(),
  objectType: z.enum(viewObjects),
  name: z.string(),
  ownerId: z.uuid(),
  isShared: z.boolean(),
  query: viewQuerySchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type SavedView = z.infer<typeof savedViewSchema>

export const savedViewCreateSchema = z.strictObject({
  objectType: z.enum(viewObjects),
  name: z.string().trim().min(1).max(200),
  isShared: z.boolean().default(false),
  query: viewQuerySchema,
})
export type SavedViewCreate = z.input<typeof savedViewCreateSchema>

export const savedViewUpdateSchema = savedViewCreateSchema
  .omit({ objectType: true })
  .extend({ isShared: z.boolean().optional() })
  .partial()
export type SavedViewUpdate = z.infer<typeof savedViewUpdateSchema>

export const savedViewListQuerySchema = z.strictObject({
  objectType: z.enum(viewObjects).optional(),
})
