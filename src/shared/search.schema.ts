import { z } from 'zod'

export const searchTypes = ['company', 'contact', 'activity'] as const
export type SearchType = (typeof searchTypes)[number]

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  types: z
    .string()
    .max(100)
    .refine((v) => v.split(',').every((t) => (searchTypes as readonly string[]).includes(t)), {
      params: { code: 'invalid_option' },
    })
    .optional()
    .describe('Comma-separated: company, contact, activity; all when left out'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type SearchQuery = z.infer<typeof searchQuerySchema>

export const searchResultSchema = z.object({
  type: z.enum(searchTypes),
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  score: z.number(),
})
export type SearchResult = z.infer<typeof searchResultSchema>
