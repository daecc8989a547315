import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  mergeCreateSchema,
  mergePreviewSchema,
  mergeResultSchema,
  mergeSchema,
} from '../../../shared/merges.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { getMerge, mergeRecords, previewMerge } from './merges.service'

export const mergesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['merges']
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Merge two or more contacts or companies into the survivor',
        description:
          'The survivor takes the chosen field values and the activities, deals, company links, tags, consents and timeline of the merged records; these are soft-deleted, and GET of one redirects (308) to the survivor. Needs update and delete rights on the type.',
        body: mergeCreateSchema,
        response: { 201: mergeResultSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await mergeRecords(deps, actorOf(req), req.body)),
  )
  app.post(
    '/preview',
    {
      schema: {
        tags,
        summary: 'The survivor as a merge would leave it, and how many linked rows would move',
        body: mergeCreateSchema,
        response: { 200: mergePreviewSchema },
      },
    },
    async (req) => previewMerge(deps, actorOf(req), req.body),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A merge: survivor, merged records, field choices, what moved',
        params: idParamsSchema,
        response: { 200: mergeSchema },
      },
    },
    async (req) => getMerge(deps, actorOf(req), req.params.id),
  )
}
