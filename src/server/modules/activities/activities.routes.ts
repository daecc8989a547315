import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  activityBulkCreateSchema,
  activityBulkUpdateSchema,
  activityCreateSchema,
  activityListQuerySchema,
  activitySchema,
  activityUpdateSchema,
  myDaySchema,
} from '../../../shared/activities.schema'
import {
  bulkIdsSchema,
  bulkResultSchema,
  idParamsSchema,
  pageSchema,
  timelineEventSchema,
} from '../../../shared/common.schema'
import { timelineQuerySchema } from '../../../shared/timeline.schema'
import type { Deps } from '../../deps'
import { pickFields } from '../../lib/fields'
import { one } from '../../lib/one'
import { actorOf } from '../../plugins/auth'
import {
  activityTimeline,
  createActivities,
  deleteActivities,
  getActivity,
  listActivities,
  myDay,
  updateActivities,
} from './activities.service'

export const activitiesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['activities']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List activities: filter, sort, search, cursor pages',
        description:
          'Filter e.g. filter[type][eq]=task, filter[assigneeId][eq]=…, filter[companyId][eq]=…, filter[done][eq]=false, filter[dueAt][gte]=…&filter[dueAt][lt]=…; overdue=true gives open tasks past their due time.',
        querystring: activityListQuerySchema,
        response: { 200: pageSchema(activitySchema.partial()) },
      },
    },
    async (req) =>
      pickFields(await listActivities(deps, actorOf(req), req.query), req.query.fields),
  )
  app.get(
    '/my-day',
    {
      schema: {
        tags,
        summary: "The caller's overdue tasks, tasks due today and meetings of the next 7 days",
        description: '"Today" follows the workspace time zone.',
        response: { 200: myDaySchema },
      },
    },
    async (req) => myDay(deps, actorOf(req)),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Log an activity or create a task',
        body: activityCreateSchema,
        response: { 201: activitySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(one(await createActivities(deps, actorOf(req), [req.body]))),
  )
  app.post(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'Create up to 5,000 activities in one transaction',
        body: activityBulkCreateSchema,
        response: { 201: z.object({ data: z.array(activitySchema) }) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send({ data: await createActivities(deps, actorOf(req), req.body.records, true) }),
  )
  app.patch(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'Update up to 5,000 activities in one transaction',
        body: activityBulkUpdateSchema,
        response: { 200: z.object({ data: z.array(activitySchema) }) },
      },
    },
    async (req) => ({ data: await updateActivities(deps, actorOf(req), req.body.records, true) }),
  )
  app.post(
    '/bulk-delete',
    {
      schema: {
        tags,
        summary: 'Delete many activities',
        body: bulkIdsSchema,
        response: { 200: bulkResultSchema },
      },
    },
    async (req) => ({ count: await deleteActivities(deps, actorOf(req), req.body.ids) }),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get an activity',
        params: idParamsSchema,
        response: { 200: activitySchema },
      },
    },
    async (req) => getActivity(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update an activity; done: true completes a task',
        params: idParamsSchema,
        body: activityUpdateSchema,
        response: { 200: activitySchema },
      },
    },
    async (req) =>
      one(await updateActivities(deps, actorOf(req), [{ ...req.body, id: req.params.id }])),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete an activity',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteActivities(deps, actorOf(req), [req.params.id])
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/:id/timeline',
    {
      schema: {
        tags,
        summary: 'History of an activity, newest first',
        params: idParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: z.object({ data: z.array(timelineEventSchema) }) },
      },
    },
    async (req) => ({
      data: await activityTimeline(deps, actorOf(req), req.params.id, req.query),
    }),
  )
}
