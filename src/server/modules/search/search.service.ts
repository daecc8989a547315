import { roleCan, scopeAllows, type Resource } from '../../../shared/permissions'
import {
  searchTypes,
  type SearchQuery,
  type SearchResult,
  type SearchType,
} from '../../../shared/search.schema'
import type { Deps } from '../../deps'
import { mapDbError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { searchQuery } from '../../db/list-query'
import { visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { searchAllTypes } from './search.repo'

const resourceOf: Record<SearchType, Resource> = {
  company: 'companies',
  contact: 'contacts',
  activity: 'activities',
}

/** The types the actor may read: others are left out quietly, as the UI never shows them. */
function readableTypes(actor: Actor, wanted: SearchType[]): SearchType[] {
  return wanted.filter(
    (t) =>
      roleCan(actor.role, resourceOf[t], 'read') &&
      (!actor.apiKeyScopes || scopeAllows(actor.apiKeyScopes, resourceOf[t], 'read')),
  )
}

export async function search(
  deps: Deps,
  actor: Actor,
  query: SearchQuery,
  /** Aborted when nobody waits for the answer any more. */
  signal?: AbortSignal,
): Promise<SearchResult[]> {
  const wanted = query.types ? (query.types.split(',') as SearchType[]) : [...searchTypes]
  const types = readableTypes(actor, [...new Set(wanted)])
  const q = searchQuery(query.q)
  if (types.length === 0 || !q) return []
  const scope = {
    workspaceId: actor.workspaceId,
    ownerIds: await visibleOwnerIds(deps, actor),
    actorId: actor.userId,
  }
  let hits: SearchResult[]
  try {
    hits = await searchAllTypes(deps.db, types, q, scope, query.limit, signal)
  } catch (err) {
    throw mapDbError(err)
  }
  // Nobody can receive the answer: nothing is shown, so nothing goes to the audit log either.
  if (signal?.aborted) return []
  const results = hits.sort((a, b) => b.score - a.score).slice(0, query.limit)
  // Names and titles of people are personal data: showing them is a read (GDPR-5).
  const contactIds = results.filter((r) => r.type === 'contact').map((r) => r.id)
  if (contactIds.length)
    await audit(deps.db, actor, {
      action: 'list',
      objectType: 'contact',
      recordIds: contactIds,
      details: { via: 'search' },
    })
  return results
}
