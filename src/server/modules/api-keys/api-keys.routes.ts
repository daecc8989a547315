import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiKeyCreatedSchema,
  apiKeyCreateSchema,
  apiKeySchema,
} from '../../../shared/api-keys.schema'
import { idParamsSchema } from '../../../shared/common.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service'

export const apiKeysRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['api-keys']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'API keys of the workspace, without their secrets (admin)',
        response: { 200: z.object({ data: z.array(apiKeySchema) }) },
      },
    },
    async (req) => ({ data: await listApiKeys(deps, actorOf(req)) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Make an API key; the full key is in this answer only (admin)',
        body: apiKeyCreateSchema,
        response: { 201: apiKeyCreatedSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiKey(deps, actorOf(req), req.body)),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key; it stops working at once (admin)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeApiKey(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
