import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { meSchema } from '../../../shared/auth.schema'
import { setupSchema, setupStatusSchema } from '../../../shared/setup.schema'
import type { Deps } from '../../deps'
import { sessionCookieName } from '../auth/auth.service'
import { getMe } from '../auth/me.service'
import { isSetupNeeded, runSetup } from './setup.service'

export const setupRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['auth']
  app.get(
    '/',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: 'Whether Suhde still needs its first-run set-up',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ isNeeded: await isSetupNeeded(deps) }),
  )
  app.post(
    '/',
    {
      config: { isPublic: true, rateLimit: { max: 10, timeWindow: 60_000, hook: 'preHandler' } },
      schema: {
        tags,
        summary: 'Create the first workspace and its admin, and sign the admin in',
        description: 'Only while no workspace exists; after that the answer is 409 CONFLICT.',
        body: setupSchema,
        response: { 201: meSchema },
      },
    },
    async (req, reply) => {
      const info = {
        requestId: req.id,
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      }
      const { token, actor, expiresAt } = await runSetup(deps, req.body, info)
      reply.setCookie(sessionCookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        expires: expiresAt,
      })
      return reply.code(201).send(await getMe(deps, actor))
    },
  )
}
