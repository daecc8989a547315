import { z } from 'zod'
import { timestampSchema } from './common.schema'
import { apiKeyScopes } from './permissions'

/** An API key as listed: never its secret, only the prefix that identifies it. */
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.uuid(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  expiresAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
})
export type ApiKey = z.infer<typeof apiKeySchema>

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scopes: z.array(z.enum(apiKeyScopes)).min(1).max(apiKeyScopes.length),
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) > Date.now(), { params: { code: 'in_past' } })
    .nullish(),
})
export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>

/** The answer to making a key: the only time the full key is ever shown. */
export const apiKeyCreatedSchema = apiKeySchema.extend({
  key: z.string().describe('The full key; store it now, it is not shown again'),
})
export type ApiKeyCreated = z.infer<typeof apiKeyCreatedSchema>
