import { z } from 'zod'
import {
  addressSchema,
  businessIdSchema,
  customValuesSchema,
  domainSchema,
  lifecycleStageSchema,
  tagRefSchema,
  tierSchema,
  timestampSchema,
} from './common.schema'

export const companySizes = ['1-9', '10-49', '50-249', '250-999', '1000+'] as const

/** A company's own stored fields (not custom fields or tags): what timelines and merges track. */
export const companyValueFields = [
  'name',
  'businessId',
  'vatId',
  'domain',
  'industry',
  'size',
  'addresses',
  'tier',
  'lifecycleStage',
  'ownerId',
  'parentId',
] as const

export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  businessId: z.string().nullable().describe('Finnish business ID (Y-tunnus), e.g. 1234567-8'),
  vatId: z.string().nullable(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  addresses: z.array(addressSchema),
  tier: tierSchema.nullable(),
  lifecycleStage: lifecycleStageSchema.nullable(),
  ownerId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  tags: z.array(tagRefSchema),
  custom: z.record(z.string(), z.unknown()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
})
export type Company = z.infer<typeof companySchema>

export const companyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  businessId: businessIdSchema.nullish(),
  vatId: z.string().trim().max(30).nullish(),
  domain: domainSchema.nullish(),
  industry: z.string().max(200).nullish(),
  size: z.enum(companySizes).nullish(),
  addresses: z.array(addressSchema).max(10).optional(),
  tier: tierSchema.nullish(),
  lifecycleStage: lifecycleStageSchema.nullish(),
  ownerId: z.uuid().nullish(),
  parentId: z.uuid().nullish(),
  tagIds: z.array(z.uuid()).max(100).optional(),
  custom: customValuesSchema.optional(),
})
export type CompanyCreate = z.infer<typeof companyCreateSchema>

export const companyUpdateSchema = companyCreateSchema.partial()
export type CompanyUpdate = z.infer<typeof companyUpdateSchema>

export const companyBulkCreateSchema = z.strictObject({
  records: z.array(companyCreateSchema).min(1).max(5000),
})
export const companyBulkUpdateSchema = z.strictObject({
  records: z
    .array(companyUpdateSchema.extend({ id: z.uuid() }))
    .min(1)
    .max(5000),
})
