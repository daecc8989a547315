import { timingSafeEqual } from 'node:crypto'
import type { Role, VisibilityScope } from '../../../shared/permissions'
import type { Deps } from '../../deps'
import { AppError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { hashPassword, hashToken, newToken, verifyPassword } from '../../lib/passwords'
import { audit } from '../audit/audit.service'
import { cacheActor, cachedActor, forgetActors } from './actor-cache'
import {
  deleteSession,
  findApiKeyActor,
  findMembership,
  findSessionActor,
  findUserByEmail,
  insertSession,
  touchApiKey,
  touchSession,
} from './auth.repo'

export const sessionCookieName = 'suhde_session'
export const sessionLifetimeMs = 14 * 24 * 3600 * 1000
// Sliding expiry, but at most one write per session every few minutes: reads stay reads.
const touchIntervalMs = 5 * 60 * 1000

type RequestInfo = { requestId: string; ip: string | null; userAgent: string | null }

// A hash to compare against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined

export async function login(
  deps: Deps,
  input: { email: string; password: string; workspaceId?: string },
  info: RequestInfo,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const user = await findUserByEmail(deps.db, input.email)
  dummyHash ??= hashPassword('not a real password')
  const isValid = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash))
  if (!user || !user.password_hash || !isValid || !user.is_active)
    throw new AppError('INVALID_CREDENTIALS')
  const membership = await findMembership(deps.db, user.id, input.workspaceId)
  if (!membership)
    throw new AppError('INVALID_CREDENTIALS', 'The user has no access to this workspace')
  const token = newToken()
  const expiresAt = new Date(Date.now() + sessionLifetimeMs)
  const actor: Actor = {
    workspaceId: membership.workspace_id,
    userId: user.id,
    role: membership.role as Role,
    scope: membership.scope as VisibilityScope,
    apiKeyId: null,
    apiKeyScopes: null,
    requestId: info.requestId,
    ip: info.ip,
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id: hashToken(token),
      userId: user.id,
      workspaceId: membership.workspace_id,
      expiresAt,
      ip: info.ip,
      userAgent: info.userAgent,
    })
    await audit(trx, actor, { action: 'login', objectType: 'user', recordIds: [user.id] })
  })
  return { token, actor, expiresAt }
}

export async function logout(deps: Deps, actor: Actor, token: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, hashToken(token))
    forgetActors({ key: hashToken(token) })
    await audit(trx, actor, { action: 'logout', objectType: 'user', recordIds: [actor.userId] })
  })
}

export async function actorFromSession(
  deps: Deps,
  token: string,
  info: RequestInfo,
): Promise<Actor | null> {
  const id = hashToken(token)
  const cached = cachedActor(id)
  if (cached) return { ...cached, requestId: info.requestId, ip: info.ip }
  const row = await findSessionActor(deps.db, id)
  if (!row || row.expires_at.getTime() < Date.now()) return null
  if (Date.now() - row.last_seen_at.getTime() > touchIntervalMs) {
    await touchSession(deps.db, id, new Date(Date.now() + sessionLifetimeMs))
  }
  const actor = {
    workspaceId: row.workspace_id,
    userId: row.user_id,
    role: row.role as Role,
    scope: row.scope as VisibilityScope,
    apiKeyId: null,
    apiKeyScopes: null,
  }
  cacheActor(id, actor)
  return { ...actor, requestId: info.requestId, ip: info.ip }
}

// API keys look like `suhde_<12-char prefix>_<secret>`; the prefix finds the row, the hash proves it.
const apiKeyPattern = /^suhde_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,})$/

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = newToken(12)
    .replace(/[^A-Za-z0-9]/g, '')
    .padEnd(12, '0')
    .slice(0, 12)
  const key = `suhde_${prefix}_${newToken(32)}`
  return { key, prefix, hash: hashToken(key) }
}

export async function actorFromApiKey(
  deps: Deps,
  key: string,
  info: RequestInfo,
): Promise<Actor | null> {
  const prefix = apiKeyPattern.exec(key)?.[1]
  if (!prefix) return null
  const keyHash = hashToken(key)
  const cached = cachedActor(keyHash)
  if (cached) return { ...cached, requestId: info.requestId, ip: info.ip }
  const row = await findApiKeyActor(deps.db, prefix)
  if (!row || row.revoked_at || (row.expires_at && row.expires_at.getTime() < Date.now()))
    return null
  const expected = Buffer.from(row.key_hash, 'hex')
  const actual = Buffer.from(keyHash, 'hex')
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > touchIntervalMs) {
    await touchApiKey(deps.db, row.workspace_id, row.id)
  }
  const actor = {
    workspaceId: row.workspace_id,
    userId: row.created_by,
    role: row.role as Role,
    scope: row.scope as VisibilityScope,
    apiKeyId: row.id,
    apiKeyScopes: row.scopes,
  }
  cacheActor(keyHash, actor, row.expires_at?.getTime())
  return { ...actor, requestId: info.requestId, ip: info.ip }
}
