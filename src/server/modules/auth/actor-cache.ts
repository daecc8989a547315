import type { Actor } from '../../lib/actor'

// Who a session cookie or API key stands for, kept for a few seconds so a burst of requests
// costs one lookup, not one each. Changes made in this process (sign-out, role change, removal,
// key revocation) forget the entries at once; another instance sees them within the TTL.
const ttlMs = 5_000
const maxEntries = 10_000

type BaseActor = Omit<Actor, 'requestId' | 'ip'>
type Entry = { actor: BaseActor; expiresAt: number }

const entries = new Map<string, Entry>()

export function cachedActor(key: string): BaseActor | undefined {
  const entry = entries.get(key)
  if (!entry) return undefined
  if (entry.expiresAt < Date.now()) {
    entries.delete(key)
    return undefined
  }
  return entry.actor
}

/** Caches an actor; `until` (ms) ends it sooner, e.g. when an API key expires. */
export function cacheActor(key: string, actor: BaseActor, until?: number): void {
  if (entries.size >= maxEntries) entries.clear()
  entries.set(key, { actor, expiresAt: Math.min(Date.now() + ttlMs, until ?? Infinity) })
}

/** Forgets cached actors of a credential, a user (in one workspace or all) or an API key. */
export function forgetActors(match: {
  key?: string
  userId?: string
  workspaceId?: string
  apiKeyId?: string
}): void {
  if (match.key) entries.delete(match.key)
  if (!match.userId && !match.apiKeyId) return
  for (const [key, { actor }] of entries) {
    const isUser =
      match.userId !== undefined &&
      actor.userId === match.userId &&
      (!match.workspaceId || actor.workspaceId === match.workspaceId)
    const isKey = match.apiKeyId !== undefined && actor.apiKeyId === match.apiKeyId
    if (isUser || isKey) entries.delete(key)
  }
}
