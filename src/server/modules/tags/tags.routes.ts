import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { bulkResultSchema, idParamsSchema } from '../../../shared/common.schema'
import {
  tagApplySchema,
  tagCreateSchema,
  tagSchema,
  tagUpdateSchema,
} from '../../../shared/tags.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { createTag, deleteTag, listTags, tagRecords, updateTag } from './tags.service'

export const tagsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['tags']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List tags with how many companies and contacts carry each',
        response: { 200: z.object({ data: z.array(tagSchema) }) },
      },
    },
    async (req) => ({ data: await listTags(deps, actorOf(req)) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a tag; names are unique regardless of case',
        body: tagCreateSchema,
        response: { 201: tagSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createTag(deps, actorOf(req), req.body)),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Rename or recolour a tag',
        params: idParamsSchema,
        body: tagUpdateSchema,
        response: { 200: tagSchema },
      },
    },
    async (req) => updateTag(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tag and take it off every record',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteTag(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  for (const mode of ['apply', 'remove'] as const) {
    app.post(
      `/:id/${mode}`,
      {
        schema: {
          tags,
          summary:
            mode === 'apply'
              ? 'Tag up to 5,000 companies or contacts'
              : 'Untag up to 5,000 companies or contacts',
          description:
            'All or nothing: if any id is not an existing record you can see, the answer is 404 and nothing changes. `count` is how many records changed.',
          params: idParamsSchema,
          body: tagApplySchema,
          response: { 200: bulkResultSchema },
        },
      },
      async (req) => ({
        count: await tagRecords(deps, actorOf(req), req.params.id, req.body, mode),
      }),
    )
  }
}
