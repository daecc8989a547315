import { z } from 'zod'

// Currencies the UI offers; amounts are stored in integer minor units with the ISO code.
export const currencies = ['EUR', 'SEK', 'NOK', 'DKK', 'USD', 'GBP'] as const

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  language: z.enum(['fi', 'en']),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Workspace = z.infer<typeof workspaceSchema>

export const workspaceUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  currency: z.enum(currencies).optional(),
  timeZone: z
    .string()
    .max(100)
    .refine(isTimeZone, { params: { code: 'invalid_value' } })
    .optional(),
  language: z.enum(['fi', 'en']).optional(),
})
export type WorkspaceUpdate = z.infer<typeof workspaceUpdateSchema>
