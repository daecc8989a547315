import { z } from 'zod'
import { timestampSchema } from './common.schema'

/** Deal fields a stage gate may require before a deal enters the stage. */
export const gateFields = ['amount', 'expectedCloseDate', 'companyId', 'contacts', 'lines'] as const
export type GateField = (typeof gateFields)[number]

const keySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)

export const criterionOptionSchema = z.strictObject({
  key: keySchema,
  label: z.string().trim().min(1).max(200),
  points: z.int().min(0).max(100),
})

export const criterionInputSchema = z.strictObject({
  key: keySchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullish(),
  weight: z.int().min(1).max(100),
  options: z.array(criterionOptionSchema).min(1).max(20),
})
export type CriterionInput = z.infer<typeof criterionInputSchema>

export const stageInputSchema = z.strictObject({
  id: z.uuid().optional().describe('Give the id of an existing stage to keep it (and its deals)'),
  name: z.string().trim().min(1).max(200),
  probability: z.int().min(0).max(100),
  rottingDays: z.int().min(1).max(3650).nullish(),
  requiredFields: z.array(z.enum(gateFields)).max(gateFields.length).optional(),
  requiredCriteria: z
    .array(keySchema)
    .max(50)
    .optional()
    .describe('Keys of scorecard criteria that must be met (answered with points > 0)'),
})
export type StageInput = z.infer<typeof stageInputSchema>

export const criterionSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  weight: z.number(),
  options: z.array(z.object({ key: z.string(), label: z.string(), points: z.number() })),
})
export type Criterion = z.infer<typeof criterionSchema>

export const stageSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number(),
  probability: z.number(),
  rottingDays: z.number().nullable(),
  requiredFields: z.array(z.string()),
  requiredCriteria: z.array(z.string()),
})
export type Stage = z.infer<typeof stageSchema>

export const pipelineSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number(),
  stages: z.array(stageSchema),
  scorecard: z.array(criterionSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Pipeline = z.infer<typeof pipelineSchema>

export const pipelineCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  position: z.int().min(0).max(1000).optional(),
  stages: z.array(stageInputSchema).min(1).max(30),
  scorecard: z.array(criterionInputSchema).max(30).optional(),
})
export type PipelineCreate = z.infer<typeof pipelineCreateSchema>

export const pipelineUpdateSchema = pipelineCreateSchema.partial()
export type PipelineUpdate = z.infer<typeof pipelineUpdateSchema>

export const lostReasonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number(),
  isActive: z.boolean(),
})
export type LostReason = z.infer<typeof lostReasonSchema>
export const lostReasonCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  position: z.int().min(0).max(1000).optional(),
  isActive: z.boolean().optional(),
})
export type LostReasonCreate = z.infer<typeof lostReasonCreateSchema>
