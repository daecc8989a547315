import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from '../../../shared/api-keys.schema'
import type { Deps } from '../../deps'
import { notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { forgetActors } from '../auth/actor-cache'
import { audit } from '../audit/audit.service'
import { generateApiKey } from '../auth/auth.service'
import { findApiKey, insertApiKey, listApiKeyRows, setRevokedAt } from './api-keys.repo'

// A key acts for the admin who made it, within that user's current role and the key's scopes
// (see actorFromApiKey); removing or deactivating the user stops their keys too.

export async function listApiKeys(deps: Deps, actor: Actor): Promise<ApiKey[]> {
  authorize(actor, 'api-keys', 'read')
  return listApiKeyRows(deps.db, actor.workspaceId)
}

export async function createApiKey(
  deps: Deps,
  actor: Actor,
  input: ApiKeyCreate,
): Promise<ApiKeyCreated> {
  authorize(actor, 'api-keys', 'create')
  const { key, prefix, hash } = generateApiKey()
  return deps.db.transaction().execute(async (trx) => {
    const created = await insertApiKey(trx, {
      workspaceId: actor.workspaceId,
      id: newId(),
      name: input.name,
      prefix,
      hash,
      scopes: [...new Set(input.scopes)],
      createdBy: actor.userId,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    })
    await audit(trx, actor, {
      action: 'create',
      objectType: 'api-key',
      recordIds: [created.id],
      details: { name: created.name, scopes: created.scopes, expiresAt: created.expiresAt },
    })
    return { ...created, key }
  })
}

/** Revokes at once: the next request with the key answers 401. Revoking twice is harmless. */
export async function revokeApiKey(deps: Deps, actor: Actor, id: string): Promise<ApiKey> {
  authorize(actor, 'api-keys', 'delete')
  const result = await deps.db.transaction().execute(async (trx) => {
    const existing = await findApiKey(trx, actor.workspaceId, id)
    if (!existing) throw notFound('API key')
    if (existing.revokedAt) return existing
    const revoked = await setRevokedAt(trx, actor.workspaceId, id, new Date())
    await audit(trx, actor, { action: 'revoke', objectType: 'api-key', recordIds: [id] })
    return revoked
  })
  forgetActors({ apiKeyId: id })
  return result
}
