import { z } from 'zod'
import { isValidBusinessId, normalizeDomain, normalizePhone } from './validators'

// Building blocks shared by the object schemas. Domain checks carry params.code so the API
// names the rule that failed (see messages.ts), not only "invalid".
export const idSchema = z.uuid()
export const idParamsSchema = z.object({ id: z.uuid() })
export const timestampSchema = z.string().describe('ISO 8601 date-time')
export const dateSchema = z.iso.date()

export const lifecycleStages = ['lead', 'prospect', 'customer', 'former'] as const
export const lifecycleStageSchema = z.enum(lifecycleStages)
export const tiers = ['A', 'B', 'C'] as const
export const tierSchema = z.enum(tiers)

export const businessIdSchema = z
  .string()
  .max(20)
  .refine(isValidBusinessId, { params: { code: 'invalid_business_id' } })
export const phoneNumberSchema = z
  .string()
  .min(1)
  .max(40)
  .refine((v) => normalizePhone(v) !== null, { params: { code: 'invalid_phone' } })
export const domainSchema = z
  .string()
  .max(260)
  .refine((v) => normalizeDomain(v) !== null, { params: { code: 'invalid_domain' } })
export const emailSchema = z.email().max(320)

export const addressSchema = z.strictObject({
  label: z.string().max(100).nullish(),
  street: z.string().max(300).nullish(),
  postalCode: z.string().max(20).nullish(),
  city: z.string().max(100).nullish(),
  country: z.string().max(100).nullish(),
})
export type Address = z.infer<typeof addressSchema>

export const customValuesSchema = z
  .record(z.string().max(63), z.unknown())
  .describe('Custom field values by key; validated against the custom field definitions')

export const tagRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string().nullable(),
})

/** Query parameters every list endpoint accepts. Filters: filter[field][op]=value. */
export const filterOps = ['eq', 'neq', 'contains', 'in', 'gt', 'gte', 'lt', 'lte', 'empty'] as const
export type FilterOp = (typeof filterOps)[number]
export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(100).optional().describe('Field to sort by; prefix with - for descending'),
  fields: z.string().max(2000).optional().describe('Comma-separated fields to return'),
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Typo-tolerant full-text search. Without `sort` the best matches come first, ranked among at most 200 candidates per way of matching (names, stems, substrings, misspellings); with `sort` every match, in that order.',
    ),
  includeTotal: z.enum(['true', 'false']).optional(),
  includeDeleted: z.enum(['true', 'false', 'only']).optional(),
  filter: z
    .record(z.string().max(100), z.partialRecord(z.enum(filterOps), z.string().max(10000)))
    .optional()
    .describe(
      'filter[field][op]=value; ops: eq, neq, contains, in (comma-separated), gt, gte, lt, lte, empty (true/false)',
    ),
})
export type ListQuery = z.infer<typeof listQuerySchema>

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().optional(),
  })
}
export type Page<T> = { data: T[]; nextCursor: string | null; total?: number }

export const bulkIdsSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(5000) })
export const bulkResultSchema = z.object({ count: z.number() })

export const timelineEventSchema = z.object({
  id: z.uuid(),
  objectType: z.string(),
  recordId: z.uuid(),
  eventType: z.string(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })).nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  actorUserId: z.uuid().nullable(),
  actorApiKeyId: z.uuid().nullable(),
  createdAt: timestampSchema,
})
export type TimelineEvent = z.infer<typeof timelineEventSchema>
