import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { auditEntrySchema, auditFilterSchema, auditQuerySchema } from '../../../shared/audit.schema'
import { pageSchema } from '../../../shared/common.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { exportAuditLog, listAuditLog } from './audit-log.service'

export const auditLogRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['audit-log']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Who read, changed or exported what, newest first (admin)',
        querystring: auditQuerySchema,
        response: { 200: pageSchema(auditEntrySchema) },
      },
    },
    async (req) => listAuditLog(deps, actorOf(req), req.query),
  )
  app.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'The filtered audit log as CSV, streamed; the export is itself logged (admin)',
        querystring: auditFilterSchema,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const lines = await exportAuditLog(deps, actorOf(req), req.query)
      const day = new Date().toISOString().slice(0, 10)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${day}.csv"`)
        .send(Readable.from(lines))
    },
  )
}
