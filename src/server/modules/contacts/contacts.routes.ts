import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  bulkIdsSchema,
  bulkResultSchema,
  idParamsSchema,
  listQuerySchema,
  pageSchema,
  timelineEventSchema,
} from '../../../shared/common.schema'
import {
  contactBulkCreateSchema,
  contactBulkUpdateSchema,
  contactCompanyLinkBodySchema,
  contactCompanyParamsSchema,
  contactCreateSchema,
  contactDuplicatesQuerySchema,
  contactSchema,
  contactUpdateSchema,
} from '../../../shared/contacts.schema'
import { timelineQuerySchema } from '../../../shared/timeline.schema'
import type { Deps } from '../../deps'
import { pickFields } from '../../lib/fields'
import { one } from '../../lib/one'
import { closedSignal } from '../../lib/closed-signal'
import { actorOf } from '../../plugins/auth'
import { findMergedInto } from '../merges/merges.service'
import { linkCompany, unlinkCompany } from './contact-companies.service'
import {
  contactTimeline,
  findDuplicateContacts,
  getContact,
  listContacts,
} from './contacts-read.service'
import { createContacts, deleteContacts, restoreContacts, updateContacts } from './contacts.service'
import { flagPreviouslyErased, flagPreviouslyErasedMany } from '../privacy/erasure.service'

export const contactsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['contacts']
  const dataOf = z.object({ data: z.array(contactSchema) })
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List contacts: filter (also email, phone, companyId), sort, search, cursor pages',
        querystring: listQuerySchema,
        response: { 200: pageSchema(contactSchema.partial()) },
      },
    },
    // The list's quick search aborts the request of text typed past (closed-signal.ts).
    async (req, reply) =>
      pickFields(
        await listContacts(deps, actorOf(req), req.query, 'list', closedSignal(reply)),
        req.query.fields,
      ),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a contact',
        description:
          'When an email or phone belonged to a person erased before, the contact is still created but flagged: header `Suhde-Previously-Erased: email|phone` and a `previously_erased` timeline event.',
        body: contactCreateSchema,
        response: { 201: contactSchema },
      },
    },
    async (req, reply) => {
      const contact = one(await createContacts(deps, actorOf(req), [req.body]))
      const erased = await flagPreviouslyErased(deps, actorOf(req), contact)
      if (erased) reply.header('suhde-previously-erased', erased)
      return reply.code(201).send(contact)
    },
  )
  app.post(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'Create up to 5,000 contacts in one transaction',
        description:
          'Contacts whose email or phone belonged to a person erased before are created but flagged, as with a single create: `previouslyErased` lists them with the kinds that matched, the header `Suhde-Previously-Erased` names the kinds, and each gets a `previously_erased` timeline event.',
        body: contactBulkCreateSchema,
        response: {
          201: dataOf.extend({
            previouslyErased: z.array(z.object({ id: z.uuid(), matched: z.string() })),
          }),
        },
      },
    },
    async (req, reply) => {
      const data = await createContacts(deps, actorOf(req), req.body.records, true)
      const previouslyErased = await flagPreviouslyErasedMany(deps, actorOf(req), data)
      if (previouslyErased.length)
        reply.header(
          'suhde-previously-erased',
          [...new Set(previouslyErased.flatMap((f) => f.matched.split(',')))].sort().join(','),
        )
      return reply.code(201).send({ data, previouslyErased })
    },
  )
  app.patch(
    '/bulk',
    {
      schema: {
        tags,
        summary: 'Update up to 5,000 contacts in one transaction',
        body: contactBulkUpdateSchema,
        response: { 200: dataOf },
      },
    },
    async (req) => ({ data: await updateContacts(deps, actorOf(req), req.body.records, true) }),
  )
  app.post(
    '/bulk-delete',
    {
      schema: {
        tags,
        summary: 'Soft-delete many contacts',
        body: bulkIdsSchema,
        response: { 200: bulkResultSchema },
      },
    },
    async (req) => ({ count: await deleteContacts(deps, actorOf(req), req.body.ids) }),
  )
  app.get(
    '/duplicates',
    {
      schema: {
        tags,
        summary: 'Contacts that already have this email or phone (duplicate warning)',
        querystring: contactDuplicatesQuerySchema,
        response: { 200: dataOf },
      },
    },
    async (req) => ({ data: await findDuplicateContacts(deps, actorOf(req), req.query) }),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a contact',
        description: 'A contact merged into another answers 308 with the survivor in Location.',
        params: idParamsSchema,
        response: { 200: contactSchema },
      },
    },
    async (req, reply) => {
      const contact = await getContact(deps, actorOf(req), req.params.id)
      const survivorId =
        contact.deletedAt && (await findMergedInto(deps, actorOf(req), 'contact', contact.id))
      return survivorId ? reply.redirect(`/api/v1/contacts/${survivorId}`, 308) : contact
    },
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update a contact; `companies` replaces the linked companies',
        params: idParamsSchema,
        body: contactUpdateSchema,
        response: { 200: contactSchema },
      },
    },
    async (req) =>
      one(await updateContacts(deps, actorOf(req), [{ ...req.body, id: req.params.id }])),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Soft-delete a contact (restorable)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteContacts(deps, actorOf(req), [req.params.id])
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted contact',
        params: idParamsSchema,
        response: { 200: contactSchema },
      },
    },
    async (req) => one(await restoreContacts(deps, actorOf(req), [req.params.id])),
  )
  app.get(
    '/:id/timeline',
    {
      schema: {
        tags,
        summary: 'History of a contact: changes, company links and activities, newest first',
        params: idParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: z.object({ data: z.array(timelineEventSchema) }) },
      },
    },
    async (req) => ({ data: await contactTimeline(deps, actorOf(req), req.params.id, req.query) }),
  )
  app.put(
    '/:id/companies/:companyId',
    {
      schema: {
        tags,
        summary: 'Link the contact to a company, or change the role or primary flag',
        params: contactCompanyParamsSchema,
        body: contactCompanyLinkBodySchema,
        response: { 200: contactSchema },
      },
    },
    async (req) =>
      linkCompany(deps, actorOf(req), req.params.id, {
        ...req.body,
        companyId: req.params.companyId,
      }),
  )
  app.delete(
    '/:id/companies/:companyId',
    {
      schema: {
        tags,
        summary: 'Unlink the contact from a company',
        params: contactCompanyParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await unlinkCompany(deps, actorOf(req), req.params.id, req.params.companyId)
      return reply.code(204).send(null)
    },
  )
}
