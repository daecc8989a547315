import { z } from 'zod'
import { timestampSchema } from './common.schema'

// Privacy by design (GDPR-1..5): purposes, consents with their history, signed links, data
// subject requests, retention policies and the records of processing.

export const legalBases = [
  'consent',
  'contract',
  'legitimate_interest',
  'legal_obligation',
] as const
export const channels = ['email', 'sms', 'phone', 'post'] as const
export const consentStatuses = ['pending', 'granted', 'withdrawn'] as const
export const consentSources = [
  'form',
  'import',
  'api',
  'staff',
  'preference_centre',
  'double_opt_in',
] as const
export const requestTypes = [
  'access',
  'rectification',
  'erasure',
  'portability',
  'objection',
] as const
export const requestStatuses = ['received', 'in_progress', 'completed', 'rejected'] as const
export const requestChannels = ['staff', 'preference_centre', 'api', 'email', 'post'] as const

export const channelSchema = z.enum(channels)
const textList = z.array(z.string().trim().min(1).max(200)).max(50)

export const purposeSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  legalBasis: z.enum(legalBases),
  channels: z.array(channelSchema),
  nameFi: z.string(),
  nameEn: z.string(),
  descriptionFi: z.string(),
  descriptionEn: z.string(),
  textVersion: z.number().int(),
  requiresDoubleOptIn: z.boolean(),
  dataCategories: z.array(z.string()),
  recipients: z.array(z.string()),
  retentionPeriod: z.string(),
  isActive: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Purpose = z.infer<typeof purposeSchema>

const purposeFields = {
  legalBasis: z.enum(legalBases),
  channels: z.array(channelSchema).max(4),
  nameFi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  descriptionFi: z.string().max(5000),
  descriptionEn: z.string().max(5000),
  requiresDoubleOptIn: z.boolean(),
  dataCategories: textList,
  recipients: textList,
  retentionPeriod: z.string().max(500),
  isActive: z.boolean(),
}
export const purposeCreateSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,62}$/)
    .describe('Stable identifier used by send paths, e.g. newsletter'),
  legalBasis: z.enum(legalBases),
  channels: z.array(channelSchema).max(4).default([]),
  nameFi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  descriptionFi: z.string().max(5000).default(''),
  descriptionEn: z.string().max(5000).default(''),
  requiresDoubleOptIn: z.boolean().default(false),
  dataCategories: textList.default([]),
  recipients: textList.default([]),
  retentionPeriod: z.string().max(500).default(''),
  isActive: z.boolean().default(true),
})
export type PurposeCreate = z.infer<typeof purposeCreateSchema>
/** Changing a description raises textVersion, so consents show which text the person saw. */
export const purposeUpdateSchema = z.strictObject(purposeFields).partial()
export type PurposeUpdate = z.infer<typeof purposeUpdateSchema>

export const consentEventSchema = z.object({
  id: z.uuid(),
  purposeId: z.uuid(),
  purposeKey: z.string(),
  status: z.enum(consentStatuses),
  channels: z.array(channelSchema),
  occurredAt: timestampSchema,
  source: z.enum(consentSources),
  textVersion: z.number().int().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  confirmedAt: timestampSchema.nullable(),
  note: z.string().nullable(),
  actorUserId: z.uuid().nullable(),
  actorApiKeyId: z.uuid().nullable(),
  createdAt: timestampSchema,
})
export type ConsentEvent = z.infer<typeof consentEventSchema>

export const consentStateSchema = z.object({
  purposeId: z.uuid(),
  purposeKey: z.string(),
  nameFi: z.string(),
  nameEn: z.string(),
  legalBasis: z.enum(legalBases),
  status: z.enum([...consentStatuses, 'none']),
  channels: z.array(channelSchema),
  since: timestampSchema.nullable(),
})
export type ConsentState = z.infer<typeof consentStateSchema>

export const contactConsentsSchema = z.object({
  current: z.array(consentStateSchema),
  history: z.array(consentEventSchema),
  erasedAt: timestampSchema.nullable().describe('When the person was erased; null if never'),
})
export type ContactConsents = z.infer<typeof contactConsentsSchema>

export const consentCreateSchema = z.strictObject({
  purposeKey: z.string().min(1).max(63),
  status: z.enum(['granted', 'withdrawn']),
  channels: z.array(channelSchema).max(4).optional().describe('Default: all of the purpose'),
  occurredAt: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
  source: z.enum(['form', 'import', 'api', 'staff']).default('staff'),
  textVersion: z.number().int().min(1).optional(),
  ip: z.string().max(64).optional(),
  userAgent: z.string().max(500).optional(),
  note: z.string().max(2000).optional(),
  doubleOptIn: z
    .boolean()
    .optional()
    .describe('Send a confirmation email; the consent is pending until the link is followed'),
})
export type ConsentCreate = z.infer<typeof consentCreateSchema>

export const privacyLinkCreateSchema = z.strictObject({
  expiresInDays: z.number().int().min(1).max(90).default(14),
  send: z.boolean().default(false).describe('Email the link to the contact’s primary address'),
})
export const privacyLinkSchema = z.object({
  id: z.uuid(),
  url: z.string().describe('Shown once; only its hash is stored'),
  expiresAt: timestampSchema,
  sentTo: z.string().nullable(),
})
export const privacyLinkIdParamsSchema = z.object({ id: z.uuid(), linkId: z.uuid() })
export const privacyLinkListItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['confirm_consent', 'preference_centre']),
  expiresAt: timestampSchema,
  usedAt: timestampSchema
    .nullable()
    .describe('Confirmation: when it was used; preference centre: when the person last opened it'),
  revokedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
})
export type PrivacyLinkListItem = z.infer<typeof privacyLinkListItemSchema>

export const privacyRequestSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid().nullable(),
  contactName: z
    .string()
    .nullable()
    .describe('Name or email of the contact; empty once the person has been erased'),
  type: z.enum(requestTypes),
  status: z.enum(requestStatuses),
  channel: z.enum(requestChannels),
  receivedAt: timestampSchema,
  dueAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
  isOverdue: z.boolean(),
  handlerId: z.uuid().nullable(),
  evidence: z.string(),
  notes: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>

export const privacyRequestCreateSchema = z.strictObject({
  contactId: z.uuid().nullable().optional(),
  type: z.enum(requestTypes),
  channel: z.enum(requestChannels).default('staff'),
  receivedAt: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
  handlerId: z.uuid().nullable().optional(),
  evidence: z.string().max(10000).default(''),
  notes: z.string().max(10000).default(''),
})
export type PrivacyRequestCreate = z.infer<typeof privacyRequestCreateSchema>
export const privacyRequestUpdateSchema = z.strictObject({
  status: z.enum(requestStatuses).optional(),
  handlerId: z.uuid().nullable().optional(),
  evidence: z.string().max(10000).optional(),
  notes: z.string().max(10000).optional(),
})
export type PrivacyRequestUpdate = z.infer<typeof privacyRequestUpdateSchema>
export const privacyRequestListQuerySchema = z.strictObject({
  status: z.enum(requestStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  contactId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const erasureResultSchema = z.object({
  contactId: z.uuid(),
  erasedAt: timestampSchema,
  activities: z.number().int(),
  requestId: z.uuid().nullable(),
})

export const retentionPolicySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  objectType: z.literal('contact'),
  lifecycleStage: z.enum(['lead', 'prospect', 'customer', 'former']).nullable(),
  inactiveMonths: z.number().int(),
  action: z.literal('anonymise'),
  isActive: z.boolean(),
  lastRunAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>
export const retentionPolicyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  objectType: z.literal('contact').default('contact'),
  lifecycleStage: z.enum(['lead', 'prospect', 'customer', 'former']).nullable().default(null),
  inactiveMonths: z.number().int().min(1).max(600),
  action: z.literal('anonymise').default('anonymise'),
  isActive: z.boolean().default(true),
})
export type RetentionPolicyCreate = z.infer<typeof retentionPolicyCreateSchema>
export const retentionPolicyUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    lifecycleStage: z.enum(['lead', 'prospect', 'customer', 'former']).nullable(),
    inactiveMonths: z.number().int().min(1).max(600),
    isActive: z.boolean(),
  })
  .partial()
export type RetentionPolicyUpdate = z.infer<typeof retentionPolicyUpdateSchema>
export const retentionPreviewSchema = z.object({
  count: z.number().int(),
  sample: z.array(
    z.object({
      id: z.uuid(),
      name: z.string().describe('Name or email, so staff can check the list before running'),
      lastActivityAt: timestampSchema,
      lifecycleStage: z.string().nullable(),
    }),
  ),
})
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>
export const retentionRunSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  trigger: z.enum(['schedule', 'manual']),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  affectedCount: z.number().int(),
  recordIds: z.array(z.uuid()),
  status: z.enum(['running', 'done', 'failed']),
  error: z.string().nullable(),
})
export type RetentionRun = z.infer<typeof retentionRunSchema>

export const recordsOfProcessingSchema = z.object({
  controller: z.string(),
  generatedAt: timestampSchema,
  activities: z.array(
    z.object({
      purposeKey: z.string(),
      nameFi: z.string(),
      nameEn: z.string(),
      descriptionFi: z.string(),
      descriptionEn: z.string(),
      legalBasis: z.enum(legalBases),
      channels: z.array(channelSchema),
      dataCategories: z.array(z.string()),
      recipients: z.array(z.string()),
      retentionPeriod: z.string(),
      dataSubjects: z.number().int().describe('Contacts who currently consent or are processed'),
    }),
  ),
  retentionPolicies: z.array(retentionPolicySchema),
})
export type RecordsOfProcessing = z.infer<typeof recordsOfProcessingSchema>
