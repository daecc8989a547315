import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  privacyRequestCreateSchema,
  privacyRequestListQuerySchema,
  privacyRequestSchema,
  privacyRequestUpdateSchema,
} from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import {
  createPrivacyRequest,
  getPrivacyRequest,
  listPrivacyRequests,
  updatePrivacyRequest,
} from './privacy-requests.service'

export const privacyRequestsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (
  app,
  { deps },
) => {
  const tags = ['privacy']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Data subject requests, soonest due first, with overdue flags',
        querystring: privacyRequestListQuerySchema,
        response: { 200: z.object({ data: z.array(privacyRequestSchema) }) },
      },
    },
    async (req) => ({ data: await listPrivacyRequests(deps, actorOf(req), req.query) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Log a data subject request; due in 30 days',
        body: privacyRequestCreateSchema,
        response: { 201: privacyRequestSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createPrivacyRequest(deps, actorOf(req), req.body)),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a data subject request',
        params: idParamsSchema,
        response: { 200: privacyRequestSchema },
      },
    },
    async (req) => getPrivacyRequest(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update status, handler, evidence or notes',
        params: idParamsSchema,
        body: privacyRequestUpdateSchema,
        response: { 200: privacyRequestSchema },
      },
    },
    async (req) => updatePrivacyRequest(deps, actorOf(req), req.params.id, req.body),
  )
}
