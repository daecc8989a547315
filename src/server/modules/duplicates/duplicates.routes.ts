import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema, pageSchema } from '../../../shared/common.schema'
import {
  duplicateCandidateSchema,
  duplicateListQuerySchema,
  duplicateScanSchema,
  duplicateScanStartSchema,
} from '../../../shared/duplicates.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import {
  decideCandidate,
  getScan,
  listCandidates,
  listScans,
  startScan,
} from './duplicates.service'

export const duplicatesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['duplicates']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The review queue: likely duplicate pairs with score and reasons, best first',
        querystring: duplicateListQuerySchema,
        response: { 200: pageSchema(duplicateCandidateSchema) },
      },
    },
    async (req) => listCandidates(deps, actorOf(req), req.query),
  )
  app.post(
    '/scans',
    {
      schema: {
        tags,
        summary: 'Start a duplicate scan (a background job); poll GET /duplicates/scans/{id}',
        description:
          'Scans contacts, companies or both for pairs that share a normalised email, phone, business ID or web domain, or have similar names. With recordId, only pairs with that record. While a scan covering the request is queued or running, that scan is returned.',
        body: duplicateScanStartSchema,
        response: { 202: duplicateScanSchema },
      },
    },
    async (req, reply) => reply.code(202).send(await startScan(deps, actorOf(req), req.body)),
  )
  app.get(
    '/scans',
    {
      schema: {
        tags,
        summary: 'The latest scans, newest first',
        response: { 200: z.object({ data: z.array(duplicateScanSchema) }) },
      },
    },
    async (req) => ({ data: await listScans(deps, actorOf(req)) }),
  )
  app.get(
    '/scans/:id',
    {
      schema: {
        tags,
        summary: 'A scan: status and progress',
        params: idParamsSchema,
        response: { 200: duplicateScanSchema },
      },
    },
    async (req) => getScan(deps, actorOf(req), req.params.id),
  )
  app.post(
    '/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Mark a pair "not a duplicate"; later scans leave it dismissed',
        params: idParamsSchema,
        response: { 200: duplicateCandidateSchema },
      },
    },
    async (req) => decideCandidate(deps, actorOf(req), req.params.id, 'dismissed'),
  )
  app.post(
    '/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Take a dismissal back: the pair returns to the queue',
        params: idParamsSchema,
        response: { 200: duplicateCandidateSchema },
      },
    },
    async (req) => decideCandidate(deps, actorOf(req), req.params.id, 'open'),
  )
}
