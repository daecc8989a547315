import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError } from '../../errors'
import { readSecret, storeSecretIfMissing } from './privacy.repo'

// The installation secret signs privacy links and salts the hashes of erased people. It comes
// from SUHDE_SECRET, or is generated once and kept in maintenance_state so links survive restarts.

const cache = new WeakMap<object, string>()

/**
 * The secret, read through `db` — pass the open transaction when inside one, since the
 * embedded database has a single connection. Cached per configuration once read.
 */
export async function privacySecret(deps: Pick<Deps, 'config'>, db: Db): Promise<string> {
  if (deps.config.secret) return deps.config.secret
  const cached = cache.get(deps.config)
  if (cached) return cached
  await storeSecretIfMissing(db, randomBytes(32).toString('base64url'))
  const stored = await readSecret(db)
  if (!stored) throw new AppError('INTERNAL', 'No privacy secret')
  cache.set(deps.config, stored)
  return stored
}

const mac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text).digest('base64url')

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A new link token `<random>.<hmac>`: the signature lets a tampered token fail before any query. */
export function newSignedToken(secret: string): string {
  const random = randomBytes(24).toString('base64url')
  return `${random}.${mac(secret, `link:${random}`)}`
}

/** The sha-256 stored for a well-signed token, or null when the token was tampered with. */
export function verifySignedToken(secret: string, token: string): string | null {
  const [random, sig, ...rest] = token.split('.')
  if (!random || !sig || rest.length || !/^[\w-]{20,64}$/.test(random)) return null
  const expected = Buffer.from(mac(secret, `link:${random}`))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return sha256(token)
}

/** Salted hash of a normalised email or phone; the salt is the secret and the workspace. */
export function subjectHash(secret: string, workspaceId: string, value: string): string {
  return createHmac('sha256', secret).update(`${workspaceId}:${value}`).digest('hex')
}

/** Per-page form token bound to the page's cookie nonce and the link (double-submit CSRF). */
export function csrfToken(secret: string, linkId: string, nonce: string): string {
  return mac(secret, `csrf:${linkId}:${nonce}`)
}

export function checkCsrf(secret: string, linkId: string, nonce: string, given: string): boolean {
  const expected = Buffer.from(csrfToken(secret, linkId, nonce))
  const g = Buffer.from(given)
  return nonce.length >= 16 && g.length === expected.length && timingSafeEqual(g, expected)
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url')
}
