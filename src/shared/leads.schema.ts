import { z } from 'zod'
import { emailSchema, phoneNumberSchema, timestampSchema } from './common.schema'
import { amountSchema, currencySchema } from './deals.schema'

// A lead is a contact in lifecycle stage 'lead' with a lead record beside it (docs/decisions.md).

export const leadStatuses = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const
export const fitFields = ['industry', 'region', 'companySize', 'source', 'title'] as const
export const engagementTypes = ['call', 'meeting', 'email', 'note', 'task'] as const

export const leadSchema = z.object({
  id: z.uuid().describe('The id of the contact the lead is'),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  companyName: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  companySize: z.string().nullable(),
  source: z.string().nullable(),
  status: z.enum(leadStatuses),
  ownerId: z.uuid().nullable(),
  assignedTeamId: z.uuid().nullable(),
  fitScore: z.number(),
  engagementScore: z.number(),
  score: z.number(),
  convertedCompanyId: z.uuid().nullable(),
  convertedDealId: z.uuid().nullable(),
  convertedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Lead = z.infer<typeof leadSchema>

const text = (max: number) => z.string().trim().max(max)

export const leadCreateSchema = z.strictObject({
  firstName: text(100).nullish(),
  lastName: text(100).nullish(),
  email: emailSchema.nullish(),
  phone: phoneNumberSchema.nullish(),
  title: text(200).nullish(),
  companyName: text(300).nullish(),
  industry: text(200).nullish(),
  region: text(200).nullish(),
  companySize: text(30).nullish(),
  source: text(200).nullish().describe('Channel the lead came from, e.g. web-form, fair, referral'),
  ownerId: z.uuid().nullish().describe('Leave out to let the assignment rules choose'),
})
export type LeadCreate = z.infer<typeof leadCreateSchema>

export const leadUpdateSchema = leadCreateSchema
  .omit({ firstName: true, lastName: true, email: true, phone: true, title: true })
  .extend({ status: z.enum(leadStatuses).exclude(['converted']).optional() })
export type LeadUpdate = z.infer<typeof leadUpdateSchema>

export const leadListQuerySchema = z.strictObject({
  status: z.enum(leadStatuses).optional(),
  ownerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const leadConvertSchema = z.strictObject({
  pipelineId: z.uuid(),
  stageId: z.uuid().optional(),
  dealTitle: text(300).min(1).optional(),
  amount: amountSchema.optional(),
  currency: currencySchema.optional(),
  companyId: z.uuid().optional().describe('Link an existing company instead of creating one'),
})
export type LeadConvert = z.infer<typeof leadConvertSchema>
export const leadConversionSchema = z.object({
  lead: leadSchema,
  contactId: z.uuid(),
  companyId: z.uuid().nullable(),
  dealId: z.uuid(),
})

export const scoringRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fit'),
    field: z.enum(fitFields),
    value: text(200).min(1).describe('Matches case-insensitively'),
    points: z.int().min(-100).max(100),
  }),
  z.strictObject({
    kind: z.literal('engagement'),
    field: z.enum(engagementTypes),
    points: z.int().min(-100).max(100).describe('Per activity of the type on the lead'),
    maxPoints: z.int().min(0).max(1000).nullish(),
  }),
])
export type ScoringRule = z.infer<typeof scoringRuleSchema>
export const scoringRulesSchema = z.strictObject({ rules: z.array(scoringRuleSchema).max(200) })

export const assignmentRuleSchema = z.strictObject({
  kind: z.enum(['round_robin', 'territory']),
  matchField: z.enum(['region', 'industry']).nullish(),
  matchValue: text(200).min(1).nullish(),
  teamId: z.uuid().nullish().describe('Round robin among the members of this team'),
  userId: z.uuid().nullish().describe('Or always this user'),
})
export type AssignmentRule = z.infer<typeof assignmentRuleSchema>
export const assignmentRulesSchema = z.strictObject({
  rules: z.array(assignmentRuleSchema).max(100),
})

/** What draft scoring rules would do to the open leads, before they are saved. */
export const scoringPreviewSchema = z.object({
  openLeads: z.number().describe('Open (not converted) leads the caller may see'),
  changed: z.number().describe('How many of them would get a different score'),
  leads: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        score: z.number().describe('Score now'),
        newScore: z.number().describe('Score with the draft rules'),
      }),
    )
    .describe('The best ten by the new score'),
})
export type ScoringPreview = z.infer<typeof scoringPreviewSchema>
