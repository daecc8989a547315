import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  savedViewCreateSchema,
  savedViewListQuerySchema,
  savedViewSchema,
  savedViewUpdateSchema,
} from '../../../shared/views.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { changeView, createView, getView, listViews, removeView } from './views.service'

export const viewsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['views']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Saved views of lists: your own and the shared ones',
        querystring: savedViewListQuerySchema,
        response: { 200: z.object({ data: z.array(savedViewSchema) }) },
      },
    },
    async (req) => ({ data: await listViews(deps, actorOf(req), req.query.objectType) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Save a view: filter, sort, quick search and columns of a list',
        description: 'A personal view (isShared false) is seen only by you; a shared one by all.',
        body: savedViewCreateSchema,
        response: { 201: savedViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createView(deps, actorOf(req), req.body)),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a saved view',
        params: idParamsSchema,
        response: { 200: savedViewSchema },
      },
    },
    async (req) => getView(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Rename, share or change a view (its owner or an admin)',
        params: idParamsSchema,
        body: savedViewUpdateSchema,
        response: { 200: savedViewSchema },
      },
    },
    async (req) => changeView(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a view (its owner or an admin)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeView(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
