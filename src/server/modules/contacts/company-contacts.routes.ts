import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParamsSchema, listQuerySchema, pageSchema } from '../../../shared/common.schema'
import { companyContactSchema } from '../../../shared/contacts.schema'
import type { Deps } from '../../deps'
import { pickFields } from '../../lib/fields'
import { actorOf } from '../../plugins/auth'
import { listCompanyContacts } from './contacts-read.service'

/** Registered under /companies: the contacts side of the contact–company link. */
export const companyContactsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/:id/contacts',
    {
      schema: {
        tags: ['companies', 'contacts'],
        summary: "A company's contacts with their role there; same list parameters as contacts",
        params: idParamsSchema,
        querystring: listQuerySchema,
        response: { 200: pageSchema(companyContactSchema.partial()) },
      },
    },
    async (req) =>
      pickFields(
        await listCompanyContacts(deps, actorOf(req), req.params.id, req.query),
        req.query.fields,
      ),
  )
}
