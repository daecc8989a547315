import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  purposeCreateSchema,
  purposeSchema,
  purposeUpdateSchema,
} from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import {
  createPurpose,
  deletePurpose,
  getPurpose,
  listPurposes,
  updatePurpose,
} from './purposes.service'

export const purposesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['privacy']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List purposes of processing',
        response: { 200: z.object({ data: z.array(purposeSchema) }) },
      },
    },
    async (req) => ({ data: await listPurposes(deps, actorOf(req)) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a purpose with its legal basis',
        body: purposeCreateSchema,
        response: { 201: purposeSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPurpose(deps, actorOf(req), req.body)),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a purpose',
        params: idParamsSchema,
        response: { 200: purposeSchema },
      },
    },
    async (req) => getPurpose(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a purpose; a changed text raises textVersion',
        params: idParamsSchema,
        body: purposeUpdateSchema,
        response: { 200: purposeSchema },
      },
    },
    async (req) => updatePurpose(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused purpose',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePurpose(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
