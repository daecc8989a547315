import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { loginSchema, meSchema, meUpdateSchema } from '../../../shared/auth.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { login, logout, sessionCookieName } from './auth.service'
import { getMe, updateMe } from './me.service'
import { requestInfo, setSessionCookie } from '../../plugins/session-cookie'

export const authRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['auth']
  app.post(
    '/login',
    {
      config: {
        isPublic: true,
        // Password guessing: 10 tries a minute for one address from one client.
        rateLimit: {
          max: 10,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: loginSchema,
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      const session = await login(deps, req.body, requestInfo(req))
      setSessionCookie(reply, deps.config, session)
      return getMe(deps, session.actor)
    },
  )
  app.post(
    '/logout',
    { schema: { tags, summary: 'Sign out: ends this session', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[sessionCookieName]
      if (token) await logout(deps, actorOf(req), token)
      reply.clearCookie(sessionCookieName, { path: '/' })
      return reply.code(204).send(null)
    },
  )
}

export const meRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['auth']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Who is signed in, in which workspace and role',
        response: { 200: meSchema },
      },
    },
    async (req) => getMe(deps, actorOf(req)),
  )
  app.patch(
    '/',
    {
      schema: {
        tags,
        summary: 'Change own name, language or password',
        body: meUpdateSchema,
        response: { 200: meSchema },
      },
    },
    async (req) => updateMe(deps, actorOf(req), req.body),
  )
}
