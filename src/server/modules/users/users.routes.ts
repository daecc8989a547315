import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { meSchema } from '../../../shared/auth.schema'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  acceptInvitationSchema,
  invitationSchema,
  passwordResetResultSchema,
  passwordResetSchema,
  resetPasswordWithTokenSchema,
  userCreatedSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
} from '../../../shared/users.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { getMe } from '../auth/me.service'
import { requestInfo, setSessionCookie } from '../../plugins/session-cookie'
import { acceptInvitation, resetPasswordWithToken } from './account.service'
import {
  createUser,
  deleteUser,
  getUser,
  listInvitations,
  listUsers,
  resetPassword,
  revokeInvitation,
  updateUser,
} from './users.service'

export const usersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['users']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Members of the workspace with role, scope, teams and last activity',
        response: { 200: z.object({ data: z.array(userSchema) }) },
      },
    },
    async (req) => ({ data: await listUsers(deps, actorOf(req)) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Add a member (admin); without a password, invite them with a one-time link',
        body: userCreateSchema,
        response: { 201: userCreatedSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createUser(deps, actorOf(req), req.body)),
  )
  app.get(
    '/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations not yet accepted (admin)',
        response: { 200: z.object({ data: z.array(invitationSchema) }) },
      },
    },
    async (req) => ({ data: await listInvitations(deps, actorOf(req)) }),
  )
  app.delete(
    '/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation (admin)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeInvitation(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a member',
        params: idParamsSchema,
        response: { 200: userSchema },
      },
    },
    async (req) => getUser(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a member’s name, role, scope or active state (admin)',
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    async (req) => updateUser(deps, actorOf(req), req.params.id, req.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Remove a member from the workspace; their records lose their owner (admin)',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteUser(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a member’s password, or make a one-time reset link (admin)',
        params: idParamsSchema,
        body: passwordResetSchema.nullish(),
        response: { 200: passwordResetResultSchema },
      },
    },
    async (req) => resetPassword(deps, actorOf(req), req.params.id, req.body ?? {}),
  )
}

/** Public account flows, registered under /auth next to login. */
export const accountRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['auth']
  app.post(
    '/accept-invitation',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: 'Join a workspace with an invitation token; signs in',
        body: acceptInvitationSchema,
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      const session = await acceptInvitation(deps, req.body, requestInfo(req))
      setSessionCookie(reply, deps.config, session)
      return getMe(deps, session.actor)
    },
  )
  app.post(
    '/reset-password',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: 'Set a new password with a reset token; ends every session of the user',
        body: resetPasswordWithTokenSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const info = {
        requestId: req.id,
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      }
      await resetPasswordWithToken(deps, req.body, info)
      return reply.code(204).send(null)
    },
  )
}
