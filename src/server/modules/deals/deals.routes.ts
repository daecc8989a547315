import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  idParamsSchema,
  listQuerySchema,
  pageSchema,
  timelineEventSchema,
} from '../../../shared/common.schema'
import {
  dealCreateSchema,
  dealMoveSchema,
  dealSchema,
  dealScorecardSchema,
  dealUpdateSchema,
  scorecardAnswersSchema,
  stageStaySchema,
} from '../../../shared/deals.schema'
import { linesReplaceSchema, linesSchema } from '../../../shared/products.schema'
import { timelineQuerySchema } from '../../../shared/timeline.schema'
import type { Deps } from '../../deps'
import { pickFields } from '../../lib/fields'
import { actorOf } from '../../plugins/auth'
import { getDealLines, replaceDealLines } from './deal-lines.service'
import { moveDeal } from './deal-move.service'
import { answerScorecard, dealStageHistory, getDealScorecard } from './deal-scorecard.service'
import { setDealDeleted, updateDeal } from './deal-update.service'
import { createDeal, dealTimeline, getDeal, listDeals } from './deals.service'

export const dealsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['deals']
  const params = idParamsSchema
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List deals (the list view of the board): filter, sort, search, cursor pages',
        querystring: listQuerySchema,
        response: { 200: pageSchema(dealSchema.partial()) },
      },
    },
    async (req) => pickFields(await listDeals(deps, actorOf(req), req.query), req.query.fields),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a deal',
        body: dealCreateSchema,
        response: { 201: dealSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createDeal(deps, actorOf(req), req.body)),
  )
  app.get(
    '/:id',
    { schema: { tags, summary: 'Get a deal', params, response: { 200: dealSchema } } },
    async (req) => getDeal(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a deal; status won/lost closes it (stage changes go through /move)',
        params,
        body: dealUpdateSchema,
        response: { 200: dealSchema },
      },
    },
    async (req) => updateDeal(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    { schema: { tags, summary: 'Soft-delete a deal', params, response: { 204: z.null() } } },
    async (req, reply) => {
      await setDealDeleted(deps, actorOf(req), req.params.id, true)
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/:id/restore',
    { schema: { tags, summary: 'Restore a deleted deal', params, response: { 200: dealSchema } } },
    async (req) => setDealDeleted(deps, actorOf(req), req.params.id, false),
  )
  app.post(
    '/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a deal to a stage of its pipeline, enforcing the stage gate',
        description:
          'Refused with 400 when the stage requires criteria or fields the deal lacks; `errors[].path` names each (`requiredCriteria.<key>`, `requiredFields.<field>`).',
        params,
        body: dealMoveSchema,
        response: { 200: dealSchema },
      },
    },
    async (req) => moveDeal(deps, actorOf(req), req.params.id, req.body),
  )
  app.get(
    '/:id/stage-history',
    {
      schema: {
        tags,
        summary: 'Stays of the deal in each stage with the time spent',
        params,
        response: { 200: z.object({ data: z.array(stageStaySchema) }) },
      },
    },
    async (req) => ({ data: await dealStageHistory(deps, actorOf(req), req.params.id) }),
  )
  app.get(
    '/:id/scorecard',
    {
      schema: {
        tags,
        summary: 'The qualification scorecard of the deal',
        params,
        response: { 200: dealScorecardSchema },
      },
    },
    async (req) => getDealScorecard(deps, actorOf(req), req.params.id),
  )
  app.put(
    '/:id/scorecard',
    {
      schema: {
        tags,
        summary: 'Answer scorecard criteria (null clears); returns the new 0–100 score',
        params,
        body: scorecardAnswersSchema,
        response: { 200: dealScorecardSchema },
      },
    },
    async (req) => answerScorecard(deps, actorOf(req), req.params.id, req.body),
  )
  app.get(
    '/:id/lines',
    {
      schema: {
        tags,
        summary: 'Product lines of the deal with VAT and totals',
        params,
        response: { 200: linesSchema },
      },
    },
    async (req) => getDealLines(deps, actorOf(req), req.params.id),
  )
  app.put(
    '/:id/lines',
    {
      schema: {
        tags,
        summary: 'Replace the product lines of the deal',
        params,
        body: linesReplaceSchema,
        response: { 200: linesSchema },
      },
    },
    async (req) => replaceDealLines(deps, actorOf(req), req.params.id, req.body),
  )
  app.get(
    '/:id/timeline',
    {
      schema: {
        tags,
        summary: 'History of a deal: changes and stage moves, newest first',
        params,
        querystring: timelineQuerySchema,
        response: { 200: z.object({ data: z.array(timelineEventSchema) }) },
      },
    },
    async (req) => ({ data: await dealTimeline(deps, actorOf(req), req.params.id, req.query) }),
  )
}
