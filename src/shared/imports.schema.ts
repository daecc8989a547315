import { z } from 'zod'
import { importProblemSchema } from './import-problems'

// Imports (DATA-5): upload a file, map its columns to fields, preview, run as a job, undo.

export const importObjectTypes = ['companies', 'contacts', 'both'] as const
export const importFormats = ['csv', 'xlsx', 'vcard'] as const
export const dedupeRules = ['none', 'email', 'phone', 'business_id', 'domain', 'name_city'] as const
export const matchActions = ['skip', 'fill_empty', 'overwrite'] as const
export const importStatuses = ['uploaded', 'queued', 'running', 'done', 'failed', 'undone'] as const

/** Fields a column can be mapped to; custom fields are `custom.<key>`, unmapped is `ignore`. */
export const contactImportFields = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'email2',
  'phone',
  'phone2',
  'title',
  'birthDate',
  'language',
  'street',
  'postalCode',
  'city',
  'country',
  'lifecycleStage',
] as const
export const companyImportFields = [
  'companyName',
  'businessId',
  'vatId',
  'domain',
  'industry',
  'tier',
] as const
export const commonImportFields = ['owner', 'tags', 'ignore'] as const
export const importFields = [
  ...contactImportFields,
  ...companyImportFields,
  ...commonImportFields,
] as const
export type ImportField = (typeof importFields)[number]

export const importTargetSchema = z.union([
  z.enum(importFields),
  z.string().regex(/^custom\.[a-z][a-z0-9_]{0,62}$/),
])
export const importMappingSchema = z
  .record(z.string().max(300), importTargetSchema)
  .describe('Column header → field; `custom.<key>` for a custom field, `ignore` to skip')
export type ImportMapping = z.infer<typeof importMappingSchema>

export const importUploadQuerySchema = z.strictObject({
  filename: z.string().trim().min(1).max(300),
  objectType: z.enum(importObjectTypes).default('contacts'),
  sheet: z.string().max(300).optional(),
})

export const importMappingUpdateSchema = z.strictObject({
  mapping: importMappingSchema,
  sheet: z.string().max(300).nullish(),
  delimiter: z.enum([',', ';', '\t', '|']).nullish(),
  encoding: z
    .enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'])
    .nullish(),
  dedupeRule: z.enum(dedupeRules).optional(),
  matchAction: z.enum(matchActions).optional(),
  saveAsTemplate: z.string().trim().min(1).max(200).optional(),
})
export type ImportMappingUpdate = z.infer<typeof importMappingUpdateSchema>

export const importSchema = z.object({
  id: z.uuid(),
  objectType: z.enum(importObjectTypes),
  filename: z.string(),
  format: z.enum(importFormats),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  warnings: z.array(z.string()),
  mapping: importMappingSchema,
  suggestions: importMappingSchema,
  dedupeRule: z.enum(dedupeRules),
  matchAction: z.enum(matchActions),
  status: z.enum(importStatuses),
  counts: z.object({
    created: z.number(),
    updated: z.number(),
    skipped: z.number(),
    failed: z.number(),
    /** Rows skipped because the person was erased before (counted in skipped too). */
    flagged: z.number(),
  }),
  progress: z.object({
    rowsDone: z.number(),
    rowsTotal: z.number(),
    rowsPerSecond: z.number().nullable(),
  }),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  undoUntil: z.string(),
  undoneAt: z.string().nullable(),
})
export type Import = z.infer<typeof importSchema>

/** A cell's problem (`column` is '' for a problem of the whole row), text in the reader's language. */
export const importCellIssueSchema = importProblemSchema.extend({ column: z.string() })
export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  rows: z.array(
    z.object({
      line: z.number(),
      cells: z.array(z.string()),
      issues: z.array(importCellIssueSchema),
    }),
  ),
})
export type ImportPreview = z.infer<typeof importPreviewSchema>

export const importReportSchema = z.object({
  counts: importSchema.shape.counts,
  /**
   * `error` is the row's problems as one text in the reader's language; `problems` has each with
   * its stable code (empty for rows stored before codes were kept: then `error` is their text).
   */
  failures: z.array(
    z.object({ line: z.number(), error: z.string(), problems: z.array(importProblemSchema) }),
  ),
  /** Rows not imported for a reason other than a duplicate: a previously erased person. */
  flagged: z.array(z.object({ line: z.number(), reason: z.string(), code: z.string().nullable() })),
})
