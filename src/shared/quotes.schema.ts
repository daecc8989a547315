import { z } from 'zod'
import { dateSchema, timestampSchema } from './common.schema'
import { lineInputSchema, lineSchema, totalsSchema } from './products.schema'

export const quoteStatuses = ['draft', 'sent', 'accepted', 'rejected'] as const

export const quoteSchema = z.object({
  id: z.uuid(),
  dealId: z.uuid(),
  number: z.number(),
  title: z.string(),
  status: z.enum(quoteStatuses),
  language: z.enum(['fi', 'en']),
  currency: z.string(),
  validUntil: z.string().nullable(),
  notes: z.string().nullable(),
  lines: z.array(lineSchema),
  totals: totalsSchema,
  sentAt: timestampSchema.nullable(),
  decidedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Quote = z.infer<typeof quoteSchema>

export const quoteCreateSchema = z.strictObject({
  dealId: z.uuid(),
  title: z.string().trim().min(1).max(300).optional(),
  language: z.enum(['fi', 'en']).optional(),
  validUntil: dateSchema.nullish(),
  notes: z.string().max(5000).nullish(),
  lines: z
    .array(lineInputSchema)
    .max(200)
    .optional()
    .describe("Defaults to a copy of the deal's product lines"),
})
export type QuoteCreate = z.infer<typeof quoteCreateSchema>

export const quoteUpdateSchema = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  status: z.enum(quoteStatuses).optional(),
  language: z.enum(['fi', 'en']).optional(),
  validUntil: dateSchema.nullish(),
  notes: z.string().max(5000).nullish(),
  lines: z.array(lineInputSchema).max(200).optional(),
})
export type QuoteUpdate = z.infer<typeof quoteUpdateSchema>

export const quoteListQuerySchema = z.strictObject({ dealId: z.uuid().optional() })
export const pdfQuerySchema = z.strictObject({ language: z.enum(['fi', 'en']).optional() })
