import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  companyBulkCreateSchema,
  companyBulkUpdateSchema,
  companyCreateSchema,
  companySchema,
  companyUpdateSchema,
} from '../../../shared/companies.schema'
import {
  bulkIdsSchema,
  bulkResultSchema,
  idParamsSchema,
  listQuerySchema,
  pageSchema,
  timelineEventSchema,
} from '../../../shared/common.schema'
import { timelineQuerySchema } from '../../../shared/timeline.schema'
import type { Deps } from '../../deps'
import { pickFields } from '../../lib/fields'
import { one } from '../../lib/one'
import { closedSignal } from '../../lib/closed-signal'
import { actorOf } from '../../plugins/auth'
import { findMergedInto } from '../merges/merges.service'
import {
  companyTimeline,
  createCompanies,
  deleteCompanies,
  getCompany,
  listCompanies,
  restoreCompanies,
  updateCompanies,
} from './companies.service'

export const companiesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['companies']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List companies: filter, sort, search, cursor pages',
        querystring: listQuerySchema,
        response: { 200: pageSchema(companySchema.partial()) },
      },
    },
    // The list's quick search aborts the request of text typed past (closed-signal.ts).
    async (req, reply) =>
      pickFields(
        await listCompanies(deps, actorOf(req), req.query, closedSignal(reply)),
        req.query.fields,
      ),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a company',
        body: companyCreateSchema,
        response: { 201: companySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(one(await createCompanies(deps, actorOf(req), [req.body]))),
  )
  app.post(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'Create up to 5,000 companies in one transaction',
        body: companyBulkCreateSchema,
        response: { 201: z.object({ data: z.array(companySchema) }) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send({ data: await createCompanies(deps, actorOf(req), req.body.records, true) }),
  )
  app.patch(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'Update up to 5,000 companies in one transaction',
        body: companyBulkUpdateSchema,
        response: { 200: z.object({ data: z.array(companySchema) }) },
      },
    },
    async (req) => ({ data: await updateCompanies(deps, actorOf(req), req.body.records, true) }),
  )
  app.post(
    '/bulk-delete',
    {
      schema: {
        tags,
        summary: 'Soft-delete many companies',
        body: bulkIdsSchema,
        response: { 200: bulkResultSchema },
      },
    },
    async (req) => ({ count: await deleteCompanies(deps, actorOf(req), req.body.ids) }),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a company',
        description: 'A company merged into another answers 308 with the survivor in Location.',
        params: idParamsSchema,
        response: { 200: companySchema },
      },
    },
    async (req, reply) => {
      const company = await getCompany(deps, actorOf(req), req.params.id)
      const survivorId =
        company.deletedAt && (await findMergedInto(deps, actorOf(req), 'company', company.id))
      return survivorId ? reply.redirect(`/api/v1/companies/${survivorId}`, 308) : company
    },
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a company',
        params: idParamsSchema,
        body: companyUpdateSchema,
        response: { 200: companySchema },
      },
    },
    async (req) =>
      one(await updateCompanies(deps, actorOf(req), [{ ...req.body, id: req.params.id }])),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Soft-delete a company (restorable)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteCompanies(deps, actorOf(req), [req.params.id])
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted company',
        params: idParamsSchema,
        response: { 200: companySchema },
      },
    },
    async (req) => one(await restoreCompanies(deps, actorOf(req), [req.params.id])),
  )
  app.get(
    '/:id/timeline',
    {
      schema: {
        tags,
        summary: 'History of a company: changes and activities, newest first',
        params: idParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: z.object({ data: z.array(timelineEventSchema) }) },
      },
    },
    async (req) => ({ data: await companyTimeline(deps, actorOf(req), req.params.id, req.query) }),
  )
}
