import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { recordsOfProcessingSchema } from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { erasedMatches } from './erasure.service'
import { recordsCsv, recordsOfProcessing } from './records.service'
import { authorize } from '../access/access.service'

export const privacyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['privacy']
  app.get(
    '/records-of-processing',
    {
      schema: {
        tags,
        summary: 'Records of processing (GDPR art. 30) as JSON',
        response: { 200: recordsOfProcessingSchema },
      },
    },
    async (req) => recordsOfProcessing(deps, actorOf(req)),
  )
  app.get(
    '/records-of-processing.csv',
    {
      schema: {
        tags,
        summary: 'Records of processing as a CSV document',
        querystring: z.strictObject({ lang: z.enum(['fi', 'en']).default('fi') }),
      },
    },
    async (req, reply) => {
      const records = await recordsOfProcessing(deps, actorOf(req))
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="records-of-processing.csv"')
        .send(recordsCsv(records, req.query.lang))
    },
  )
  app.get(
    '/erased-check',
    {
      schema: {
        tags,
        summary: 'Whether an email or phone belongs to a person erased before (for imports)',
        querystring: z.strictObject({
          email: z.string().max(320).optional(),
          phone: z.string().max(40).optional(),
        }),
        response: {
          200: z.object({
            previouslyErased: z.boolean(),
            matches: z.array(z.object({ kind: z.string(), erasedAt: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      authorize(actorOf(req), 'contacts', 'create')
      const matches = await erasedMatches(deps, actorOf(req).workspaceId, {
        emails: req.query.email ? [req.query.email] : [],
        phones: req.query.phone ? [req.query.phone] : [],
      })
      return { previouslyErased: matches.length > 0, matches }
    },
  )
}
