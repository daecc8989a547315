import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  consentCreateSchema,
  contactConsentsSchema,
  erasureResultSchema,
  privacyLinkCreateSchema,
  privacyLinkIdParamsSchema,
  privacyLinkListItemSchema,
  privacyLinkSchema,
} from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { getConsents, recordConsent } from './consents.service'
import { eraseContact } from './erasure.service'
import { exportPersonalData } from './personal-data.service'
import {
  createPreferenceLink,
  listPreferenceLinks,
  revokePreferenceLink,
} from './staff-links.service'

// Privacy endpoints of one contact: consents, preference-centre links, data export, erasure.
export const contactPrivacyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (
  app,
  { deps },
) => {
  const tags = ['privacy']
  app.get(
    '/:id/consents',
    {
      schema: {
        tags,
        summary: 'Current consent per purpose and the full history',
        params: idParamsSchema,
        response: { 200: contactConsentsSchema },
      },
    },
    async (req) => getConsents(deps, actorOf(req), req.params.id),
  )
  app.post(
    '/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a grant or withdrawal (appended to the history)',
        params: idParamsSchema,
        body: consentCreateSchema,
        response: { 201: contactConsentsSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordConsent(deps, actorOf(req), req.params.id, req.body)),
  )
  app.post(
    '/:id/privacy-links',
    {
      schema: {
        tags,
        summary: 'Make a signed preference-centre link (optionally email it)',
        params: idParamsSchema,
        body: privacyLinkCreateSchema,
        response: { 201: privacyLinkSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createPreferenceLink(deps, actorOf(req), req.params.id, req.body)),
  )
  app.get(
    '/:id/privacy-links',
    {
      schema: {
        tags,
        summary: 'Privacy links of a contact (without tokens)',
        params: idParamsSchema,
        response: { 200: z.object({ data: z.array(privacyLinkListItemSchema) }) },
      },
    },
    async (req) => ({ data: await listPreferenceLinks(deps, actorOf(req), req.params.id) }),
  )
  app.delete(
    '/:id/privacy-links/:linkId',
    {
      schema: {
        tags,
        summary: 'Revoke a privacy link',
        params: privacyLinkIdParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokePreferenceLink(deps, actorOf(req), req.params.id, req.params.linkId)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/:id/personal-data',
    {
      schema: {
        tags,
        summary: 'Everything held on the person (access/portability): JSON, or zip of JSON + CSV',
        params: idParamsSchema,
        querystring: z.strictObject({ format: z.enum(['json', 'zip']).default('json') }),
      },
    },
    async (req, reply) => {
      const out = await exportPersonalData(deps, actorOf(req), req.params.id, req.query.format)
      if (out.kind === 'json') return out.data
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(Buffer.from(out.zip))
    },
  )
  app.post(
    '/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase (anonymise) the person everywhere; aggregates stay',
        params: idParamsSchema,
        body: z.strictObject({ requestId: z.uuid().nullable().optional() }).default({}),
        response: { 200: erasureResultSchema },
      },
    },
    async (req) => eraseContact(deps, actorOf(req), req.params.id, req.body.requestId ?? null),
  )
}
