import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  importMappingSchema,
  importMappingUpdateSchema,
  importObjectTypes,
  importPreviewSchema,
  importReportSchema,
  importSchema,
  importUploadQuerySchema,
} from '../../../shared/imports.schema'
import { pickLocale } from '../../../shared/messages'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { undoImport } from './import-undo'
import {
  failedRowsCsv,
  getImport,
  importReport,
  listMappingTemplates,
  maxUploadBytes,
  previewImport,
  startImport,
  updateMapping,
  uploadImport,
} from './imports.service'

const fileTypes = [
  'text/csv',
  'text/plain',
  'text/vcard',
  'text/x-vcard',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
]

export const importsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['imports']
  // Encapsulated in this plugin: only the import routes take raw file bodies, and they get the
  // request stream itself, which the service writes to a temporary file (never into memory).
  app.addContentTypeParser(fileTypes, (_req, payload, done) => done(null, payload))
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Upload a CSV, XLSX or vCard file (raw body; ?filename=)',
        description: `Send the file as the request body with Content-Type text/csv, text/vcard, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream. The format, encoding and delimiter are detected from the content. CSV up to ${maxUploadBytes / 1024 / 1024} MB (streamed to disk, any number of rows); XLSX and vCard up to 100 MB.`,
        querystring: importUploadQuerySchema,
        response: { 201: importSchema },
      },
    },
    async (req, reply) => {
      const body = req.body instanceof Readable ? req.body : Readable.from([])
      return reply.code(201).send(await uploadImport(deps, actorOf(req), req.query, body))
    },
  )
  app.get(
    '/templates',
    {
      schema: {
        tags,
        summary: 'Saved column mapping templates',
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                objectType: z.enum(importObjectTypes),
                mapping: importMappingSchema,
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ data: await listMappingTemplates(deps, actorOf(req)) }),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'An import: status, mapping, suggestions, progress (rows done, rows/s), counts',
        params: idParamsSchema,
        response: { 200: importSchema },
      },
    },
    async (req) => getImport(deps, actorOf(req), req.params.id),
  )
  app.put(
    '/:id/mapping',
    {
      schema: {
        tags,
        summary: 'Set the column mapping, file settings and duplicate handling',
        params: idParamsSchema,
        body: importMappingUpdateSchema,
        response: { 200: importSchema },
      },
    },
    async (req) => updateMapping(deps, actorOf(req), req.params.id, req.body),
  )
  app.get(
    '/:id/preview',
    {
      schema: {
        tags,
        summary: 'The first rows with per-cell validation under the current mapping',
        params: idParamsSchema,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: importPreviewSchema },
      },
    },
    async (req) =>
      previewImport(
        deps,
        actorOf(req),
        req.params.id,
        req.query.limit,
        pickLocale(req.headers['accept-language']),
      ),
  )
  app.post(
    '/:id/start',
    {
      schema: {
        tags,
        summary: 'Start the import job',
        params: idParamsSchema,
        response: { 202: importSchema },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await startImport(deps, actorOf(req), req.params.id)),
  )
  app.get(
    '/:id/report',
    {
      schema: {
        tags,
        summary: 'Result counts and every failed row with its line and reason',
        params: idParamsSchema,
        response: { 200: importReportSchema },
      },
    },
    async (req) =>
      importReport(deps, actorOf(req), req.params.id, pickLocale(req.headers['accept-language'])),
  )
  app.get(
    '/:id/failed-rows',
    {
      schema: {
        tags,
        summary: 'The failed rows as CSV with the reason, to fix and import again',
        params: idParamsSchema,
        // A download link cannot send Accept-Language, so the web app names its language here.
        querystring: z.strictObject({
          lang: z.enum(['fi', 'en']).optional().describe('Language of the reasons'),
        }),
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="failed-rows-${req.params.id}.csv"`)
        .send(
          await failedRowsCsv(
            deps,
            actorOf(req),
            req.params.id,
            req.query.lang ?? pickLocale(req.headers['accept-language']),
          ),
        ),
  )
  app.post(
    '/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo the import within 30 days: delete what it created, restore what it changed',
        params: idParamsSchema,
        response: { 200: importSchema },
      },
    },
    async (req) => undoImport(deps, actorOf(req), req.params.id),
  )
}
