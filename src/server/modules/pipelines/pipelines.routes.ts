import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import { boardQuerySchema, boardSchema } from '../../../shared/deals.schema'
import {
  lostReasonCreateSchema,
  lostReasonSchema,
  pipelineCreateSchema,
  pipelineSchema,
  pipelineUpdateSchema,
} from '../../../shared/pipelines.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { getBoard } from '../deals/board.service'
import { closeDealEvents } from '../deals/deal-events'
import { streamPipelineEvents } from '../deals/deal-events.routes'
import {
  createLostReason,
  createPipeline,
  deletePipeline,
  getLostReasons,
  getPipeline,
  listPipelines,
  removeLostReason,
  updatePipeline,
} from './pipelines.service'

export const pipelinesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['pipelines']
  // The LISTEN connection of live board updates closes with the app.
  app.addHook('onClose', async () => closeDealEvents(deps))
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List pipelines with their stages and scorecards',
        response: { 200: z.object({ data: z.array(pipelineSchema) }) },
      },
    },
    async (req) => ({ data: await listPipelines(deps, actorOf(req)) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a pipeline with ordered stages and a qualification scorecard',
        body: pipelineCreateSchema,
        response: { 201: pipelineSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPipeline(deps, actorOf(req), req.body)),
  )
  app.get(
    '/lost-reasons',
    {
      schema: {
        tags,
        summary: 'The configurable list of reasons a deal was lost',
        response: { 200: z.object({ data: z.array(lostReasonSchema) }) },
      },
    },
    async (req) => ({ data: await getLostReasons(deps, actorOf(req)) }),
  )
  app.post(
    '/lost-reasons',
    {
      schema: {
        tags,
        summary: 'Add a lost reason',
        body: lostReasonCreateSchema,
        response: { 201: lostReasonSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createLostReason(deps, actorOf(req), req.body)),
  )
  app.delete(
    '/lost-reasons/:id',
    {
      schema: {
        tags,
        summary: 'Remove a lost reason',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeLostReason(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a pipeline',
        params: idParamsSchema,
        response: { 200: pipelineSchema },
      },
    },
    async (req) => getPipeline(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a pipeline; `stages` and `scorecard` replace the whole list',
        params: idParamsSchema,
        body: pipelineUpdateSchema,
        response: { 200: pipelineSchema },
      },
    },
    async (req) => updatePipeline(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a pipeline',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePipeline(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/:id/board',
    {
      schema: {
        tags,
        summary: 'Kanban board: per-stage count, sum, weighted sum and a page of cards',
        params: idParamsSchema,
        querystring: boardQuerySchema,
        response: { 200: boardSchema },
      },
      // The board is built field by field as a typed Board (board.service); re-checking its
      // ~250 cards against the schema was a fifth of the route's CPU (docs/decisions.md). The
      // schema still documents the answer in OpenAPI.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (req) => getBoard(deps, actorOf(req), req.params.id, req.query),
  )
  app.get(
    '/:id/events',
    {
      schema: {
        tags,
        summary: 'Server-Sent Events of the pipeline: deal created, updated, moved, deleted',
        params: idParamsSchema,
      },
    },
    async (req, reply) => streamPipelineEvents(deps, req, reply, req.params.id),
  )
}
