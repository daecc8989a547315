import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  customFieldCreateSchema,
  customFieldListQuerySchema,
  customFieldOrderSchema,
  customFieldSchema,
  customFieldUpdateSchema,
} from '../../../shared/custom-fields.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import {
  changeCustomField,
  createCustomField,
  listCustomFields,
  removeCustomField,
  reorderCustomFields,
} from './custom-fields.service'

const listSchema = z.object({ data: z.array(customFieldSchema) })

export const customFieldsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['custom-fields']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List custom field definitions, by position',
        querystring: customFieldListQuerySchema,
        response: { 200: listSchema },
      },
    },
    async (req) => ({ data: await listCustomFields(deps, actorOf(req), req.query.objectType) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Define a custom field (admin)',
        description:
          'The key is unique per object and cannot change later. Select and multi-select fields need at least one option, with unique values.',
        body: customFieldCreateSchema,
        response: { 201: customFieldSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createCustomField(deps, actorOf(req), req.body)),
  )
  app.put(
    '/order',
    {
      schema: {
        tags,
        summary: "Reorder one object's custom fields",
        description:
          'The listed ids take positions 0, 1, 2… in the given order; fields not listed follow them in their old order.',
        body: customFieldOrderSchema,
        response: { 200: listSchema },
      },
    },
    async (req) => ({ data: await reorderCustomFields(deps, actorOf(req), req.body) }),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change labels, options, required or position of a custom field (admin)',
        description:
          'Removing an option is allowed even when records store it: those stored values stay as they are (and still filter and sort) until the field is next written on the record, when a current option or null must be given. Making a field required applies to new records and to writes of that field.',
        params: idParamsSchema,
        body: customFieldUpdateSchema,
        response: { 200: customFieldSchema },
      },
    },
    async (req) => changeCustomField(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom field and its values on every record (admin)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeCustomField(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
