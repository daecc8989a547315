import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { exportQuerySchema } from '../../../shared/exports.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { exportRecords } from './exports.service'

export const exportsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['exports'],
        summary:
          'Export a list or filter of contacts or companies as CSV, XLSX or vCard (streamed)',
        description:
          'Takes the list filters (filter[field][op]=value, q, sort). Cells that begin with = + - @ are prefixed with an apostrophe in CSV against formula injection.',
        querystring: exportQuerySchema,
      },
    },
    async (req, reply) => {
      const out = await exportRecords(deps, actorOf(req), req.query)
      return reply
        .type(out.contentType)
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.stream)
    },
  )
}
