import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { companySchema } from '../../../shared/companies.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { findDuplicateCompanies } from './companies.duplicates'

const duplicatesQuerySchema = z.strictObject({
  businessId: z.string().trim().max(20).optional(),
  domain: z.string().trim().max(260).optional(),
  name: z.string().trim().max(300).optional(),
})

/** Registered under /companies next to companiesRoutes; a static segment wins over /:id. */
export const companyDuplicatesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/duplicates',
    {
      schema: {
        tags: ['companies'],
        summary: 'Companies with the same business ID or domain, or a similar name',
        querystring: duplicatesQuerySchema,
        response: { 200: z.object({ data: z.array(companySchema) }) },
      },
    },
    async (req) => ({ data: await findDuplicateCompanies(deps, actorOf(req), req.query) }),
  )
}
