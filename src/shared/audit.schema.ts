import { z } from 'zod'
import { timestampSchema } from './common.schema'

export const auditEntrySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  objectType: z.string(),
  recordId: z.uuid().nullable(),
  recordCount: z.number().nullable(),
  actorUserId: z.uuid().nullable(),
  actorApiKeyId: z.uuid().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestampSchema,
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditFilterSchema = z.strictObject({
  action: z.string().max(50).optional(),
  objectType: z.string().max(50).optional(),
  recordId: z.uuid().optional(),
  actorUserId: z.uuid().optional(),
  actorApiKeyId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Entries before this time'),
})
export type AuditFilter = z.infer<typeof auditFilterSchema>

export const auditQuerySchema = auditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>
