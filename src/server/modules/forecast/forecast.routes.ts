import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { dateSchema, idParamsSchema } from '../../../shared/common.schema'
import {
  activityProgressQuerySchema,
  activityProgressSchema,
  activityTargetSchema,
  activityTargetUpsertSchema,
  coachingSchema,
  forecastQuerySchema,
  forecastSchema,
  metricsQuerySchema,
  metricsSchema,
  quotaSchema,
  quotaUpsertSchema,
} from '../../../shared/forecast.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { getForecast, getMetrics } from './forecast.service'
import {
  activityProgress,
  coaching,
  getActivityTargets,
  listQuotas,
  removeQuota,
  setActivityTarget,
  setQuota,
} from './targets.service'

export const forecastRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['forecast']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Forecast by month or quarter and rep or team: weighted, commit, best case vs quota',
        querystring: forecastQuerySchema,
        response: { 200: forecastSchema },
      },
    },
    async (req) => ({ data: await getForecast(deps, actorOf(req), req.query) }),
  )
  app.get(
    '/metrics',
    {
      schema: {
        tags,
        summary: 'Win rate, average deal size, sales cycle, stage conversion, pipeline velocity',
        querystring: metricsQuerySchema,
        response: { 200: metricsSchema },
      },
    },
    async (req) => getMetrics(deps, actorOf(req), req.query),
  )
}

export const targetsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['targets']
  app.get(
    '/quotas',
    {
      schema: {
        tags,
        summary: 'Quotas per rep and period',
        response: { 200: z.object({ data: z.array(quotaSchema) }) },
      },
    },
    async (req) => ({ data: await listQuotas(deps, actorOf(req)) }),
  )
  app.put(
    '/quotas',
    {
      schema: {
        tags,
        summary: 'Set the quota of a rep for a month or quarter',
        body: quotaUpsertSchema,
        response: { 200: quotaSchema },
      },
    },
    async (req) => setQuota(deps, actorOf(req), req.body),
  )
  app.delete(
    '/quotas/:id',
    {
      schema: {
        tags,
        summary: 'Remove a quota',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeQuota(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/activity',
    {
      schema: {
        tags,
        summary: 'Weekly activity targets per rep (calls, meetings, emails, new deals)',
        response: { 200: z.object({ data: z.array(activityTargetSchema) }) },
      },
    },
    async (req) => ({ data: await getActivityTargets(deps, actorOf(req)) }),
  )
  app.put(
    '/activity/:userId',
    {
      schema: {
        tags,
        summary: 'Set the weekly activity targets of a rep',
        params: z.object({ userId: z.uuid() }),
        body: activityTargetUpsertSchema,
        response: { 200: activityTargetSchema },
      },
    },
    async (req) => setActivityTarget(deps, actorOf(req), req.params.userId, req.body),
  )
  app.get(
    '/activity/progress',
    {
      schema: {
        tags,
        summary: 'Done vs target per rep and week, for a trend',
        querystring: activityProgressQuerySchema,
        response: { 200: activityProgressSchema },
      },
    },
    async (req) => ({ data: await activityProgress(deps, actorOf(req), req.query) }),
  )
  app.get(
    '/coaching',
    {
      schema: {
        tags,
        summary:
          'Reps under their weekly targets, deals without a next step, deals past rotting time',
        querystring: z.strictObject({ week: dateSchema.optional() }),
        response: { 200: coachingSchema },
      },
    },
    async (req) => coaching(deps, actorOf(req), req.query.week),
  )
}
