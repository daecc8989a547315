import { z } from 'zod'
import {
  addressSchema,
  customValuesSchema,
  dateSchema,
  emailSchema,
  lifecycleStageSchema,
  phoneNumberSchema,
  tagRefSchema,
  timestampSchema,
} from './common.schema'

// A contact (DATA-2). Emails and phones are lists; the server stores emails lowercased and
// phones in E.164, so duplicates and searches match whatever form a person typed.

const text = (max: number) => z.string().trim().max(max).nullish()

/** A contact's own stored fields (not custom fields or tags): what timelines, merges and imports track. */
export const contactValueFields = [
  'firstName',
  'lastName',
  'emails',
  'phones',
  'title',
  'language',
  'birthDate',
  'gender',
  'interests',
  'address',
  'lifecycleStage',
  'ownerId',
  'source',
] as const

export const contactEmailInputSchema = z.strictObject({
  address: emailSchema,
  label: text(100),
  primary: z.boolean().optional(),
})
export const contactPhoneInputSchema = z.strictObject({
  number: phoneNumberSchema.describe('Any common form; stored as E.164, e.g. +358401234567'),
  label: text(100),
})
export const contactUtmSchema = z.strictObject({
  source: text(200),
  medium: text(200),
  campaign: text(200),
  term: text(200),
  content: text(200),
})
export const contactSourceInputSchema = z.strictObject({
  channel: text(100).describe('How the contact came: form, import, event, referral…'),
  campaign: text(200),
  utm: contactUtmSchema.optional(),
  referrer: text(2000),
  keyword: text(200),
})
export const contactCompanyLinkSchema = z.strictObject({
  companyId: z.uuid(),
  role: text(200).describe('The person’s role at the company, e.g. CEO'),
  isPrimary: z.boolean().optional(),
})
export type ContactCompanyLink = z.infer<typeof contactCompanyLinkSchema>
/** Body of PUT /contacts/:id/companies/:companyId. */
export const contactCompanyLinkBodySchema = contactCompanyLinkSchema.omit({ companyId: true })
export const contactCompanyParamsSchema = z.object({ id: z.uuid(), companyId: z.uuid() })

const nullableText = z.string().nullable()
export const contactSchema = z.object({
  id: z.uuid(),
  firstName: nullableText,
  lastName: nullableText,
  emails: z.array(z.object({ address: z.string(), label: nullableText, primary: z.boolean() })),
  phones: z.array(z.object({ number: z.string(), label: nullableText })),
  title: nullableText,
  language: nullableText,
  birthDate: z.string().nullable().describe('YYYY-MM-DD'),
  gender: nullableText,
  interests: z.array(z.string()),
  address: addressSchema.nullable(),
  lifecycleStage: lifecycleStageSchema.nullable(),
  ownerId: z.uuid().nullable(),
  source: z.object({
    channel: nullableText,
    campaign: nullableText,
    utm: z.object({
      source: nullableText,
      medium: nullableText,
      campaign: nullableText,
      term: nullableText,
      content: nullableText,
    }),
    referrer: nullableText,
    keyword: nullableText,
  }),
  companies: z.array(
    z.object({ companyId: z.uuid(), name: z.string(), role: nullableText, isPrimary: z.boolean() }),
  ),
  tags: z.array(tagRefSchema),
  custom: z.record(z.string(), z.unknown()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
  erasedAt: timestampSchema
    .nullable()
    .describe('When the person was erased (GDPR); their personal fields are blank since'),
})
export type Contact = z.infer<typeof contactSchema>
export type ContactSource = Contact['source']

/** A company's contact: the contact with its role at that company. */
export const companyContactSchema = contactSchema.extend({
  role: nullableText,
  isPrimary: z.boolean(),
})
export type CompanyContact = z.infer<typeof companyContactSchema>

const contactFields = z.strictObject({
  firstName: text(200),
  lastName: text(200),
  emails: z.array(contactEmailInputSchema).max(20).optional(),
  phones: z.array(contactPhoneInputSchema).max(20).optional(),
  title: text(200),
  language: text(35).describe('Preferred language, e.g. fi, sv, en'),
  birthDate: dateSchema.nullish(),
  gender: text(50),
  interests: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  address: addressSchema.nullish(),
  lifecycleStage: lifecycleStageSchema.nullish(),
  ownerId: z.uuid().nullish(),
  source: contactSourceInputSchema.nullish(),
  companies: z
    .array(contactCompanyLinkSchema)
    .max(100)
    .optional()
    .describe('Replaces the set of linked companies; at most one isPrimary'),
  tagIds: z.array(z.uuid()).max(100).optional(),
  custom: customValuesSchema.optional(),
})

type ListRules = {
  emails?: { primary?: boolean }[]
  companies?: { companyId: string; isPrimary?: boolean }[]
}

/** At most one primary email and one primary company; a company once. */
function checkLists(value: ListRules, ctx: z.RefinementCtx) {
  const primaries = (value.emails ?? []).flatMap((e, i) => (e.primary ? [i] : []))
  for (const i of primaries.slice(1))
    ctx.addIssue({
      code: 'custom',
      path: ['emails', i, 'primary'],
      params: { code: 'multiple_primary' },
    })
  const companies = value.companies ?? []
  const primaryCompanies = companies.flatMap((c, i) => (c.isPrimary ? [i] : []))
  for (const i of primaryCompanies.slice(1))
    ctx.addIssue({
      code: 'custom',
      path: ['companies', i, 'isPrimary'],
      params: { code: 'multiple_primary' },
    })
  const seen = new Set<string>()
  for (const [i, c] of companies.entries()) {
    if (seen.has(c.companyId))
      ctx.addIssue({
        code: 'custom',
        path: ['companies', i, 'companyId'],
        params: { code: 'duplicate' },
      })
    seen.add(c.companyId)
  }
}

export const contactCreateSchema = contactFields.superRefine((value, ctx) => {
  checkLists(value, ctx)
  if (!value.firstName && !value.lastName && !value.emails?.length)
    ctx.addIssue({
      code: 'custom',
      path: ['lastName'],
      params: { code: 'name_or_email_required' },
      message: 'A first name, last name or email is required',
    })
})
export type ContactCreate = z.infer<typeof contactCreateSchema>

// The name-or-email rule of an update is checked by the service on the merged record.
export const contactUpdateSchema = contactFields.partial().superRefine(checkLists)
export type ContactUpdate = z.infer<typeof contactUpdateSchema>

export const contactBulkCreateSchema = z.strictObject({
  records: z.array(contactCreateSchema).min(1).max(5000),
})
export const contactBulkUpdateSchema = z.strictObject({
  records: z
    .array(contactFields.partial().extend({ id: z.uuid() }).superRefine(checkLists))
    .min(1)
    .max(5000),
})

export const contactDuplicatesQuerySchema = z.strictObject({
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(40).optional(),
})
