import { z } from 'zod'
import { roles, visibilityScopes } from './permissions'

export const passwordSchema = z
  .string()
  .max(200)
  .refine((v) => v.length >= 10, { params: { code: 'weak_password' } })

export const loginSchema = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
  workspaceId: z.uuid().optional(),
})
export type LoginInput = z.infer<typeof loginSchema>

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    language: z.enum(['fi', 'en']).nullable(),
    mustChangePassword: z
      .boolean()
      .describe('The password was generated at first start and has not been changed since'),
  }),
  workspace: z.object({
    id: z.uuid(),
    name: z.string(),
    currency: z.string(),
    timeZone: z.string(),
    language: z.enum(['fi', 'en']),
  }),
  role: z.enum(roles),
  scope: z.enum(visibilityScopes),
  workspaces: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(roles) })),
  apiKeyId: z.uuid().nullable(),
})
export type Me = z.infer<typeof meSchema>

export const meUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: z.enum(['fi', 'en']).nullable().optional(),
  currentPassword: z.string().max(200).optional(),
  newPassword: passwordSchema.optional(),
})
export type MeUpdate = z.infer<typeof meUpdateSchema>
