import { z } from 'zod'
import { timestampSchema } from './common.schema'

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  memberIds: z.array(z.uuid()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Team = z.infer<typeof teamSchema>

export const teamCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  memberIds: z.array(z.uuid()).max(1000).optional(),
})
export type TeamCreate = z.infer<typeof teamCreateSchema>

export const teamUpdateSchema = z.strictObject({ name: z.string().trim().min(1).max(200) })
export type TeamUpdate = z.infer<typeof teamUpdateSchema>

export const teamMembersSchema = z.strictObject({ userIds: z.array(z.uuid()).max(1000) })
export type TeamMembers = z.infer<typeof teamMembersSchema>
