import { z } from 'zod'

export const timelineQuerySchema = z.strictObject({
  before: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Events strictly older than this time'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
