import { z } from 'zod'
import { currencyCodes, isCurrencyCode } from './currencies'
import { customValuesSchema, dateSchema, timestampSchema } from './common.schema'

export const dealStatuses = ['open', 'won', 'lost'] as const
export const forecastCategories = ['pipeline', 'best_case', 'commit', 'omitted'] as const
export const buyingRoles = [
  'decision_maker',
  'economic_buyer',
  'champion',
  'influencer',
  'technical_buyer',
  'user',
  'gatekeeper',
  'blocker',
] as const

/** Money is integer minor units (cents); never a float. */
export const amountSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
export const currencySchema = z
  .string()
  .refine(isCurrencyCode, { params: { code: 'invalid_currency' } })
  .describe(`ISO 4217 code, one of ${currencyCodes.join(', ')}`)

export const dealContactSchema = z.strictObject({
  contactId: z.uuid(),
  buyingRole: z.enum(buyingRoles).nullish(),
})

export const dealSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  position: z.number(),
  amount: z.number(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  probability: z.number().describe('The override if set, else the stage default'),
  probabilityOverride: z.number().nullable(),
  forecastCategory: z.enum(forecastCategories).nullable(),
  status: z.enum(dealStatuses),
  lostReasonId: z.uuid().nullable(),
  lostNote: z.string().nullable(),
  closedAt: timestampSchema.nullable(),
  ownerId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  contacts: z.array(z.object({ contactId: z.uuid(), buyingRole: z.string().nullable() })),
  score: z.number().nullable(),
  stageEnteredAt: timestampSchema,
  lastActivityAt: timestampSchema,
  custom: z.record(z.string(), z.unknown()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
})
export type Deal = z.infer<typeof dealSchema>

export const dealCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  pipelineId: z.uuid(),
  stageId: z.uuid().optional().describe('Defaults to the first stage of the pipeline'),
  amount: amountSchema.optional(),
  currency: currencySchema.optional().describe('Defaults to the workspace currency'),
  expectedCloseDate: dateSchema.nullish(),
  probability: z.int().min(0).max(100).nullish(),
  forecastCategory: z.enum(forecastCategories).nullish(),
  ownerId: z.uuid().nullish(),
  companyId: z.uuid().nullish(),
  contacts: z.array(dealContactSchema).max(100).optional(),
  custom: customValuesSchema.optional(),
})
export type DealCreate = z.infer<typeof dealCreateSchema>

export const dealUpdateSchema = dealCreateSchema
  .omit({ pipelineId: true, stageId: true })
  .partial()
  .extend({
    status: z.enum(dealStatuses).optional(),
    lostReasonId: z.uuid().nullish(),
    lostNote: z.string().max(2000).nullish(),
  })
export type DealUpdate = z.infer<typeof dealUpdateSchema>

export const dealMoveSchema = z.strictObject({
  stageId: z.uuid(),
  position: z.int().min(0).max(1_000_000).optional().describe('0-based index in the column'),
})
export type DealMove = z.infer<typeof dealMoveSchema>

export const stageStaySchema = z.object({
  stageId: z.uuid(),
  stageName: z.string(),
  enteredAt: timestampSchema,
  leftAt: timestampSchema.nullable(),
  seconds: z.number().describe('Time spent in the stage (until now for the current stay)'),
  enteredBy: z.uuid().nullable(),
})
export type StageStay = z.infer<typeof stageStaySchema>

export const scorecardAnswersSchema = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        criterionKey: z.string().max(40),
        optionKey: z.string().max(40).nullable(),
      }),
    )
    .max(50),
})
export type ScorecardAnswers = z.infer<typeof scorecardAnswersSchema>

export const dealScorecardSchema = z.object({
  score: z.number().nullable(),
  criteria: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      weight: z.number(),
      options: z.array(z.object({ key: z.string(), label: z.string(), points: z.number() })),
      answer: z.string().nullable(),
    }),
  ),
})
export type DealScorecard = z.infer<typeof dealScorecardSchema>

export const boardQuerySchema = z.strictObject({
  ownerId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  closeFrom: dateSchema.optional(),
  closeTo: dateSchema.optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  stageId: z.uuid().optional().describe('Only this column (with cursor: its next page)'),
  cursor: z.string().max(200).optional(),
})
export type BoardQuery = z.infer<typeof boardQuerySchema>

export const boardCardSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  amount: z.number(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  probability: z.number(),
  ownerId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  score: z.number().nullable(),
  position: z.number(),
  stageEnteredAt: timestampSchema,
  isRotting: z.boolean(),
})
export type BoardCard = z.infer<typeof boardCardSchema>

/** Totals of one currency: amounts in different currencies are never added together. */
export const currencySumSchema = z.object({
  currency: z.string(),
  count: z.number(),
  sum: z.number(),
  weightedSum: z.number(),
})
export type CurrencySum = z.infer<typeof currencySumSchema>

export const boardSchema = z.object({
  pipelineId: z.uuid(),
  currency: z.string().describe('The workspace currency, the one `sum` and `weightedSum` are in'),
  columns: z.array(
    z.object({
      stageId: z.uuid(),
      name: z.string(),
      probability: z.number(),
      count: z.number().describe('Open deals in the column, in any currency'),
      sum: z.number().describe('Sum of the deals in the workspace currency only'),
      weightedSum: z.number().describe('Probability-weighted sum in the workspace currency only'),
      sums: z
        .array(currencySumSchema)
        .describe('Per currency (the workspace currency first), when deals use several'),
      cards: z.array(boardCardSchema),
      nextCursor: z.string().nullable(),
    }),
  ),
})
export type Board = z.infer<typeof boardSchema>

export const dealEventSchema = z.object({
  type: z.enum(['deal.created', 'deal.updated', 'deal.moved', 'deal.deleted']),
  pipelineId: z.uuid(),
  dealId: z.uuid(),
  stageId: z.uuid().nullable(),
  fromStageId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
})
export type DealEvent = z.infer<typeof dealEventSchema>
