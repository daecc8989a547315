import { z } from 'zod'
import { timestampSchema } from './common.schema'

// The duplicate finder (DATA-5): scans run as durable jobs and fill a review queue of likely
// duplicate pairs, each with a score 0–100 and the reasons it was found.

export const duplicateObjectTypes = ['contact', 'company'] as const
export const duplicateObjectTypeSchema = z.enum(duplicateObjectTypes)
export type DuplicateObjectType = z.infer<typeof duplicateObjectTypeSchema>

export const duplicateStatuses = ['open', 'dismissed', 'merged'] as const

export const duplicateSignals = [
  'email',
  'phone',
  'businessId',
  'domain',
  'name',
  'company',
  'city',
  'differentNames',
] as const

/** One reason a pair was found: the matching signal, the shared value or the similarity. */
export const duplicateReasonSchema = z.object({
  signal: z.enum(duplicateSignals),
  value: z.string().optional().describe('The shared value, e.g. the email both records have'),
  similarity: z.number().optional().describe('Trigram similarity of the names, 0–1'),
})
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>

/** What the queue shows of each record of a pair. */
export const duplicateRecordSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  companies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  businessId: z.string().nullable(),
  domain: z.string().nullable(),
  city: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
})
export type DuplicateRecord = z.infer<typeof duplicateRecordSchema>

export const duplicateCandidateSchema = z.object({
  id: z.uuid(),
  objectType: duplicateObjectTypeSchema,
  score: z.number().int().min(0).max(100),
  status: z.enum(duplicateStatuses),
  reasons: z.array(duplicateReasonSchema),
  records: z.array(duplicateRecordSchema).describe('The two records, older first'),
  foundAt: timestampSchema,
  decidedAt: timestampSchema.nullable(),
  decidedBy: z.uuid().nullable(),
})
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>

export const duplicateListQuerySchema = z.strictObject({
  objectType: duplicateObjectTypeSchema.optional(),
  status: z.enum(duplicateStatuses).default('open'),
  minScore: z.coerce.number().int().min(0).max(100).default(0),
  recordId: z.uuid().optional().describe('Only pairs with this record'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})
export type DuplicateListQuery = z.infer<typeof duplicateListQuerySchema>

export const duplicateScanStartSchema = z
  .strictObject({
    objectType: z.enum(['contact', 'company', 'all']).default('all'),
    recordId: z.uuid().optional().describe('Look for duplicates of this one record only'),
  })
  .refine((v) => !v.recordId || v.objectType !== 'all', {
    path: ['objectType'],
    params: { code: 'record_needs_object_type' },
  })
export type DuplicateScanStart = z.infer<typeof duplicateScanStartSchema>

export const duplicateScanSchema = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  objectTypes: z.array(duplicateObjectTypeSchema),
  recordId: z.uuid().nullable(),
  progress: z.object({
    stepsDone: z.number().int(),
    stepsTotal: z.number().int(),
    step: z.string().nullable().describe('The step running, e.g. contact:email'),
    found: z.number().int().nullable().describe('Open pairs after the scan'),
  }),
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
  startedAt: timestampSchema.nullable(),
  finishedAt: timestampSchema.nullable(),
  seconds: z.number().nullable().describe('How long the scan ran'),
})
export type DuplicateScan = z.infer<typeof duplicateScanSchema>
