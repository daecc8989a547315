import { z } from 'zod'
import { customValuesSchema, listQuerySchema, timestampSchema } from './common.schema'

export const activityTypes = ['call', 'meeting', 'email', 'note', 'task'] as const
export type ActivityType = (typeof activityTypes)[number]

export const activitySchema = z.object({
  id: z.uuid(),
  type: z.enum(activityTypes),
  subject: z.string(),
  body: z.string().nullable(),
  occurredAt: timestampSchema.nullable().describe('When it happened; for a meeting, its start'),
  dueAt: timestampSchema.nullable().describe('Tasks only: when the task is due'),
  done: z.boolean().describe('Tasks only: whether the task is completed'),
  doneAt: timestampSchema.nullable(),
  durationMinutes: z.number().int().nullable(),
  assigneeId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  custom: z.record(z.string(), z.unknown()),
  createdBy: z.uuid().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
})
export type Activity = z.infer<typeof activitySchema>

const dateTime = z.iso.datetime({ offset: true })

export const activityCreateSchema = z.strictObject({
  type: z.enum(activityTypes),
  subject: z.string().trim().min(1).max(500),
  body: z.string().max(100000).nullish(),
  occurredAt: dateTime.nullish().describe('Defaults to now for calls, emails, notes and meetings'),
  dueAt: dateTime.nullish(),
  done: z.boolean().optional(),
  durationMinutes: z.number().int().min(0).max(100000).nullish(),
  assigneeId: z.uuid().nullish().describe('Defaults to the creator'),
  companyId: z.uuid().nullish(),
  contactId: z.uuid().nullish(),
  custom: customValuesSchema.optional(),
})
export type ActivityCreate = z.infer<typeof activityCreateSchema>

export const activityUpdateSchema = activityCreateSchema.partial()
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>

export const activityBulkCreateSchema = z.strictObject({
  records: z.array(activityCreateSchema).min(1).max(5000),
})
export const activityBulkUpdateSchema = z.strictObject({
  records: z
    .array(activityUpdateSchema.extend({ id: z.uuid() }))
    .min(1)
    .max(5000),
})

export const activityListQuerySchema = listQuerySchema.extend({
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: open tasks whose due time has passed; false: everything else'),
})
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>

export const myDaySchema = z.object({
  overdue: z.array(activitySchema).describe('Open tasks whose due time has passed'),
  dueToday: z.array(activitySchema).describe('Open tasks due later today (workspace time zone)'),
  upcomingMeetings: z.array(activitySchema).describe('Meetings starting in the next 7 days'),
})
export type MyDay = z.infer<typeof myDaySchema>
