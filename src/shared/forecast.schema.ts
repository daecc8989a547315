import { z } from 'zod'
import { dateSchema } from './common.schema'
import { amountSchema, currencySchema } from './deals.schema'

export const forecastPeriods = ['month', 'quarter'] as const

export const forecastQuerySchema = z.strictObject({
  period: z.enum(forecastPeriods).default('month'),
  groupBy: z.enum(['rep', 'team']).default('rep'),
  from: dateSchema.optional().describe('First day included; defaults to the start of this period'),
  to: dateSchema.optional().describe('Last day included; defaults to 6 periods from `from`'),
  pipelineId: z.uuid().optional(),
})
export type ForecastQuery = z.infer<typeof forecastQuerySchema>

export const forecastRowSchema = z.object({
  periodStart: z.string(),
  groupId: z.uuid().nullable().describe('User id (rep) or team id; null = no owner / no team'),
  groupName: z.string().nullable(),
  currency: z
    .string()
    .describe(
      'Amounts of a row are in one currency: deals in another currency get rows of their own',
    ),
  closedWon: z.number(),
  commit: z.number().describe('Won + open deals in the commit category (or probability ≥ 80 %)'),
  bestCase: z.number().describe('Commit + best-case deals (or probability ≥ 50 %)'),
  weighted: z.number().describe('Won + Σ open amount × probability'),
  pipeline: z.number().describe('Won + every open deal, unweighted'),
  quota: z.number().nullable().describe('Quotas set in this currency'),
})
export const forecastSchema = z.object({ data: z.array(forecastRowSchema) })
export type ForecastRow = z.infer<typeof forecastRowSchema>

export const metricsQuerySchema = z.strictObject({
  from: dateSchema.optional().describe('Deals closed from this day; default 12 months back'),
  to: dateSchema.optional(),
  pipelineId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
})
export type MetricsQuery = z.infer<typeof metricsQuerySchema>

export const metricsSchema = z.object({
  won: z.number(),
  lost: z.number(),
  winRate: z.number().nullable().describe('won / (won + lost), 0–1'),
  currency: z.string().describe('The workspace currency: the average size and velocity are in it'),
  averageDealSize: z
    .number()
    .nullable()
    .describe('Of won deals in the workspace currency; deals in other currencies are left out'),
  salesCycleDays: z.number().nullable().describe('Average days from creation to win'),
  openDeals: z.number(),
  pipelineVelocity: z
    .number()
    .nullable()
    .describe('Open deals × average deal size × win rate / cycle days: value per day'),
  stageConversion: z.array(
    z.object({
      stageId: z.uuid(),
      name: z.string(),
      entered: z.number(),
      advanced: z.number(),
      rate: z.number().nullable(),
    }),
  ),
})
export type Metrics = z.infer<typeof metricsSchema>

export const quotaSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  period: z.enum(forecastPeriods),
  periodStart: z.string(),
  amount: z.number(),
  currency: z.string(),
})
export type Quota = z.infer<typeof quotaSchema>
export const quotaUpsertSchema = z.strictObject({
  userId: z.uuid(),
  period: z.enum(forecastPeriods),
  periodStart: dateSchema.describe('First day of the month or quarter'),
  amount: amountSchema,
  currency: currencySchema.optional(),
})
export type QuotaUpsert = z.infer<typeof quotaUpsertSchema>

export const activityTargetSchema = z.object({
  userId: z.uuid(),
  calls: z.number(),
  meetings: z.number(),
  emails: z.number(),
  newDeals: z.number(),
})
export type ActivityTarget = z.infer<typeof activityTargetSchema>
const count = z.int().min(0).max(10_000)
export const activityTargetUpsertSchema = z.strictObject({
  calls: count.optional(),
  meetings: count.optional(),
  emails: count.optional(),
  newDeals: count.optional(),
})
export type ActivityTargetUpsert = z.infer<typeof activityTargetUpsertSchema>

export const activityKinds = ['calls', 'meetings', 'emails', 'newDeals'] as const
export const activityProgressQuerySchema = z.strictObject({
  weeks: z.coerce.number().int().min(1).max(26).default(8),
  userId: z.uuid().optional(),
})
export const activityProgressSchema = z.object({
  data: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      weekStart: z.string(),
      done: z.object({
        calls: z.number(),
        meetings: z.number(),
        emails: z.number(),
        newDeals: z.number(),
      }),
      target: activityTargetSchema.omit({ userId: true }).nullable(),
    }),
  ),
})
export type ActivityProgress = z.infer<typeof activityProgressSchema>

export const coachingSchema = z.object({
  weekStart: z.string(),
  repsUnderTarget: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      missing: z.array(
        z.object({ kind: z.enum(activityKinds), done: z.number(), target: z.number() }),
      ),
    }),
  ),
  dealsWithoutNextStep: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      ownerId: z.uuid().nullable(),
      stageName: z.string(),
    }),
  ),
  rottingDeals: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      ownerId: z.uuid().nullable(),
      stageName: z.string(),
      idleDays: z.number(),
    }),
  ),
})
export type Coaching = z.infer<typeof coachingSchema>
