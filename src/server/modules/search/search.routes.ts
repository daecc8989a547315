import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { searchQuerySchema, searchResultSchema } from '../../../shared/search.schema'
import type { Deps } from '../../deps'
import { closedSignal } from '../../lib/closed-signal'
import { actorOf } from '../../plugins/auth'
import { search } from './search.service'

export const searchRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['search'],
        summary: 'Search companies, contacts and activities at once; typo tolerant, stemmed',
        querystring: searchQuerySchema,
        response: { 200: z.object({ data: z.array(searchResultSchema) }) },
      },
    },
    // The search box aborts the request of text typed past; the connection closes, and the
    // search skips its costlier second statement.
    async (req, reply) => ({
      data: await search(deps, actorOf(req), req.query, closedSignal(reply)),
    }),
  )
}
