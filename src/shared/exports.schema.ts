import { z } from 'zod'
import { listQuerySchema } from './common.schema'

// GET /exports: any list or filter of contacts or companies as CSV, XLSX or vCard (contacts).

export const exportQuerySchema = listQuerySchema
  .omit({ limit: true, cursor: true, fields: true, includeTotal: true })
  .extend({
    object: z.enum(['contacts', 'companies']),
    format: z.enum(['csv', 'xlsx', 'vcard']).default('csv'),
    delimiter: z
      .enum([',', ';'])
      .default(',')
      .describe('CSV delimiter; ; opens in Finnish Excel directly'),
    bom: z
      .enum(['true', 'false'])
      .default('true')
      .describe('Start a CSV with a UTF-8 BOM so Excel reads it as UTF-8'),
  })
export type ExportQuery = z.output<typeof exportQuerySchema>
