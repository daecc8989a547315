import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config'
import { sessionCookieName } from '../modules/auth/auth.service'

/** What a new session records about the request that started it. */
export function requestInfo(req: FastifyRequest) {
  return { requestId: req.id, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null }
}

/** The one way a route hands a new session to the browser: httpOnly, SameSite=Lax. */
export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  session: { token: string; expiresAt: Date },
): void {
  reply.setCookie(sessionCookieName, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: session.expiresAt,
  })
}
