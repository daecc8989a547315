import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  pdfQuerySchema,
  quoteCreateSchema,
  quoteListQuerySchema,
  quoteSchema,
  quoteUpdateSchema,
} from '../../../shared/quotes.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { getWorkspace } from '../workspaces/workspaces.service'
import { quotePdf } from './quote-pdf'
import { createQuote, deleteQuote, getQuote, listQuotes, updateQuote } from './quotes.service'

export const quotesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['quotes']
  const params = idParamsSchema
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List quotes, newest number first (optionally of one deal)',
        querystring: quoteListQuerySchema,
        response: { 200: z.object({ data: z.array(quoteSchema) }) },
      },
    },
    async (req) => ({ data: await listQuotes(deps, actorOf(req), req.query.dealId) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: "Create a draft quote from a deal (lines default to the deal's product lines)",
        body: quoteCreateSchema,
        response: { 201: quoteSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createQuote(deps, actorOf(req), req.body)),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a quote with lines, VAT breakdown and totals',
        params,
        response: { 200: quoteSchema },
      },
    },
    async (req) => getQuote(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a quote: status draft → sent → accepted/rejected; lines only while draft',
        params,
        body: quoteUpdateSchema,
        response: { 200: quoteSchema },
      },
    },
    async (req) => updateQuote(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Delete a quote', params, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteQuote(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The quote as PDF, in Finnish or English (default: the quote language)',
        params,
        querystring: pdfQuerySchema,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const quote = await getQuote(deps, actor, req.params.id)
      const workspace = await getWorkspace(deps, actor).catch(() => ({ name: '' }))
      const pdf = await quotePdf(quote, {
        language: req.query.language ?? quote.language,
        workspaceName: workspace.name,
      })
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="quote-${quote.number}.pdf"`)
        .send(pdf)
    },
  )
}
