import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  assignmentRuleSchema,
  assignmentRulesSchema,
  leadConversionSchema,
  leadConvertSchema,
  leadCreateSchema,
  leadListQuerySchema,
  leadSchema,
  leadUpdateSchema,
  scoringPreviewSchema,
  scoringRuleSchema,
  scoringRulesSchema,
} from '../../../shared/leads.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { convertLead } from './lead-convert.service'
import { previewScoringRules } from './lead-scoring-preview'
import {
  captureLead,
  getAssignmentRules,
  getLead,
  getScoringRules,
  listLeads,
  setAssignmentRules,
  setScoringRules,
  updateLead,
} from './leads.service'

export const leadsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['leads']
  const params = idParamsSchema
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List leads, best score first',
        querystring: leadListQuerySchema,
        response: { 200: z.object({ data: z.array(leadSchema) }) },
      },
    },
    async (req) => ({ data: await listLeads(deps, actorOf(req), req.query) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Capture a lead: a contact in stage lead, scored and assigned by the rules',
        body: leadCreateSchema,
        response: { 201: leadSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await captureLead(deps, actorOf(req), req.body)),
  )
  app.get(
    '/scoring-rules',
    {
      schema: {
        tags,
        summary: 'Lead scoring rules (fit and engagement)',
        response: { 200: z.object({ rules: z.array(scoringRuleSchema) }) },
      },
    },
    async (req) => ({ rules: await getScoringRules(deps, actorOf(req)) }),
  )
  app.put(
    '/scoring-rules',
    {
      schema: {
        tags,
        summary: 'Replace the scoring rules and rescore open leads',
        body: scoringRulesSchema,
        response: { 200: z.object({ rules: z.array(scoringRuleSchema) }) },
      },
    },
    async (req) => ({ rules: await setScoringRules(deps, actorOf(req), req.body.rules) }),
  )
  app.post(
    '/scoring-rules/preview',
    {
      schema: {
        tags,
        summary: 'Score the open leads with draft rules without saving them',
        body: scoringRulesSchema,
        response: { 200: scoringPreviewSchema },
      },
    },
    async (req) => previewScoringRules(deps, actorOf(req), req.body.rules),
  )
  app.get(
    '/assignment-rules',
    {
      schema: {
        tags,
        summary: 'Lead assignment rules, first match wins',
        response: { 200: z.object({ rules: z.array(assignmentRuleSchema) }) },
      },
    },
    async (req) => ({ rules: await getAssignmentRules(deps, actorOf(req)) }),
  )
  app.put(
    '/assignment-rules',
    {
      schema: {
        tags,
        summary:
          'Replace the assignment rules (round robin in a team, territory by region or industry)',
        body: assignmentRulesSchema,
        response: { 200: z.object({ rules: z.array(assignmentRuleSchema) }) },
      },
    },
    async (req) => ({ rules: await setAssignmentRules(deps, actorOf(req), req.body.rules) }),
  )
  app.get(
    '/:id',
    { schema: { tags, summary: 'Get a lead', params, response: { 200: leadSchema } } },
    async (req) => getLead(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Qualify or update a lead',
        params,
        body: leadUpdateSchema,
        response: { 200: leadSchema },
      },
    },
    async (req) => updateLead(deps, actorOf(req), req.params.id, req.body),
  )
  app.post(
    '/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert a lead into contact + company + deal in one transaction',
        params,
        body: leadConvertSchema,
        response: { 200: leadConversionSchema },
      },
    },
    async (req) => convertLead(deps, actorOf(req), req.params.id, req.body),
  )
}
