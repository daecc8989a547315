import { roleCan, scopeAllows, type Action, type Resource } from '../../../shared/permissions'
import type { Deps } from '../../deps'
import { AppError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { listTeammateIds } from './access.repo'

/** Refuses what the actor's role, or the API key's scopes, do not allow. */
export function authorize(actor: Actor, resource: Resource, action: Action): void {
  if (!roleCan(actor.role, resource, action)) {
    throw new AppError('FORBIDDEN', `The role ${actor.role} may not ${action} ${resource}`)
  }
  if (actor.apiKeyScopes && !scopeAllows(actor.apiKeyScopes, resource, action)) {
    throw new AppError('FORBIDDEN', `The API key has no scope for ${action} on ${resource}`)
  }
}

/**
 * Whose records the actor sees: null means everyone's; otherwise the owner ids they may see.
 * Records outside it answer 404, as if they did not exist, so their existence does not leak.
 */
export async function visibleOwnerIds(deps: Deps, actor: Actor): Promise<string[] | null> {
  if (actor.scope === 'all' || actor.role === 'admin') return null
  if (actor.scope === 'own') return [actor.userId]
  return listTeammateIds(deps.db, actor.workspaceId, actor.userId)
}
