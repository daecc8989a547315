import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import type { Actor } from '../lib/actor'
import { actorFromApiKey, actorFromSession, sessionCookieName } from '../modules/auth/auth.service'
import { requestInfo } from './session-cookie'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
  interface FastifyContextConfig {
    /** Routes that answer without sign-in (health, login, the OpenAPI document). */
    isPublic?: boolean
  }
}

/** Resolves the session cookie or Bearer API key into an Actor before any /api route runs. */
export const authPlugin = fp<{ deps: Deps }>(async (app: FastifyInstance, { deps }) => {
  app.decorateRequest('actor', null)
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return
    const authorization = req.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      req.actor = await actorFromApiKey(deps, authorization.slice(7).trim(), requestInfo(req))
      if (!req.actor)
        throw new AppError('UNAUTHENTICATED', 'The API key is not valid, expired or revoked')
      return
    }
    const token = req.cookies[sessionCookieName]
    if (token) req.actor = await actorFromSession(deps, token, requestInfo(req))
    if (!req.actor && !req.routeOptions.config.isPublic) throw new AppError('UNAUTHENTICATED')
  })
})

/** The signed-in actor of a route that is not public. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED')
  return req.actor
}
