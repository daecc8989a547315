import { z } from 'zod'
import { passwordSchema } from './auth.schema'
import { emailSchema, timestampSchema } from './common.schema'
import { roles, visibilityScopes } from './permissions'

// Members of a workspace: a user (global sign-in identity) with the role and visibility scope of
// their membership in this workspace.
export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  scope: z.enum(visibilityScopes),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  isActive: z.boolean(),
  lastSeenAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
})
export type User = z.infer<typeof userSchema>

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  scope: z.enum(visibilityScopes).default('all'),
  password: passwordSchema
    .optional()
    .describe('Without a password the answer carries a one-time invitation token'),
})
export type UserCreate = z.infer<typeof userCreateSchema>

export const userUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
  scope: z.enum(visibilityScopes).optional(),
  isActive: z.boolean().optional(),
})
export type UserUpdate = z.infer<typeof userUpdateSchema>

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(roles),
  scope: z.enum(visibilityScopes),
  expiresAt: timestampSchema,
  createdBy: z.uuid().nullable(),
  createdAt: timestampSchema,
})
export type Invitation = z.infer<typeof invitationSchema>

/** The answer to adding a member: the member, or an invitation whose token is shown only now. */
export const userCreatedSchema = z.object({
  user: userSchema.nullable(),
  invitation: invitationSchema.extend({ token: z.string() }).nullable(),
})
export type UserCreated = z.infer<typeof userCreatedSchema>

export const passwordResetSchema = z.strictObject({
  password: passwordSchema
    .optional()
    .describe('The new password; without it the answer carries a one-time reset token'),
})
export type PasswordReset = z.infer<typeof passwordResetSchema>

export const passwordResetResultSchema = z.object({
  token: z.string().nullable(),
  expiresAt: timestampSchema.nullable(),
})
export type PasswordResetResult = z.infer<typeof passwordResetResultSchema>

export const acceptInvitationSchema = z.strictObject({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
})
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>

export const resetPasswordWithTokenSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: passwordSchema,
})
export type ResetPasswordWithToken = z.infer<typeof resetPasswordWithTokenSchema>
