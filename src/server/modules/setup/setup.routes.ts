import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { meSchema } from '../../../shared/auth.schema'
import { setupSchema, setupStatusSchema } from '../../../shared/setup.schema'
import type { Deps } from '../../deps'
import { getMe } from '../auth/me.service'
import { isSetupNeeded, runSetup } from './setup.service'
import { requestInfo, setSessionCookie } from '../../plugins/session-cookie'

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
      const session = await runSetup(deps, req.body, requestInfo(req))
      setSessionCookie(reply, deps.config, session)
      return reply.code(201).send(await getMe(deps, session.actor))
    },
  )
}
