import { z } from 'zod'
import { passwordSchema } from './auth.schema'

export const setupStatusSchema = z.object({
  isNeeded: z.boolean().describe('True while the database has no workspace yet'),
})
export type SetupStatus = z.infer<typeof setupStatusSchema>

/** First-run set-up: the first workspace and its admin, who is signed in at once. */
export const setupSchema = z.strictObject({
  workspaceName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  password: passwordSchema,
  language: z.enum(['fi', 'en']),
})
export type SetupInput = z.infer<typeof setupSchema>
