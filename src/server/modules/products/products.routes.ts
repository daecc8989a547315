import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  productCreateSchema,
  productSchema,
  productUpdateSchema,
} from '../../../shared/products.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import {
  createProduct,
  deleteProduct,
  getProduct,
  listProducts,
  productListQuerySchema,
  updateProduct,
} from './products.service'

export const productsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['products']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List the product catalogue by name',
        querystring: productListQuerySchema,
        response: { 200: z.object({ data: z.array(productSchema) }) },
      },
    },
    async (req) => listProducts(deps, actorOf(req), req.query),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a product',
        body: productCreateSchema,
        response: { 201: productSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createProduct(deps, actorOf(req), req.body)),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a product',
        params: idParamsSchema,
        response: { 200: productSchema },
      },
    },
    async (req) => getProduct(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a product',
        params: idParamsSchema,
        body: productUpdateSchema,
        response: { 200: productSchema },
      },
    },
    async (req) => updateProduct(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a product',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteProduct(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
