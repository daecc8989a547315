import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  retentionPolicyCreateSchema,
  retentionPolicySchema,
  retentionPolicyUpdateSchema,
  retentionPreviewSchema,
  retentionRunSchema,
} from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  policyRuns,
  previewPolicy,
  runPolicyNow,
  updatePolicy,
} from './retention.service'

export const retentionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['privacy']
  const runs = z.object({ data: z.array(retentionRunSchema) })
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List retention policies',
        response: { 200: z.object({ data: z.array(retentionPolicySchema) }) },
      },
    },
    async (req) => ({ data: await listPolicies(deps, actorOf(req)) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a retention policy (runs daily)',
        body: retentionPolicyCreateSchema,
        response: { 201: retentionPolicySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPolicy(deps, actorOf(req), req.body)),
  )
  app.get(
    '/runs',
    {
      schema: { tags, summary: 'Log of retention runs, newest first', response: { 200: runs } },
    },
    async (req) => ({ data: await policyRuns(deps, actorOf(req), null) }),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a retention policy',
        params: idParamsSchema,
        response: { 200: retentionPolicySchema },
      },
    },
    async (req) => getPolicy(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a retention policy',
        params: idParamsSchema,
        body: retentionPolicyUpdateSchema,
        response: { 200: retentionPolicySchema },
      },
    },
    async (req) => updatePolicy(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a retention policy',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePolicy(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/:id/preview',
    {
      schema: {
        tags,
        summary: 'What a run would anonymise now (count and the first 50)',
        params: idParamsSchema,
        response: { 200: retentionPreviewSchema },
      },
    },
    async (req) => previewPolicy(deps, actorOf(req), req.params.id),
  )
  app.get(
    '/:id/runs',
    {
      schema: {
        tags,
        summary: 'Runs of one policy',
        params: idParamsSchema,
        response: { 200: runs },
      },
    },
    async (req) => ({ data: await policyRuns(deps, actorOf(req), req.params.id) }),
  )
  app.post(
    '/:id/run',
    {
      schema: {
        tags,
        summary: 'Run the policy now',
        params: idParamsSchema,
        response: { 200: retentionRunSchema },
      },
    },
    async (req) => runPolicyNow(deps, actorOf(req), req.params.id),
  )
}
