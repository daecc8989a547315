import type { Company } from '../../../shared/companies.schema'
import { normalizeBusinessId, normalizeDomain } from '../../../shared/validators'
import type { Deps } from '../../deps'
import { fieldError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { findDuplicateCompanyIds } from './companies.duplicates.repo'
import { findCompanies } from './companies.repo'

export type CompanyDuplicateQuery = { businessId?: string; domain?: string; name?: string }

/** Live companies that look like the one being entered: same business ID or domain, or name. */
export async function findDuplicateCompanies(
  deps: Deps,
  actor: Actor,
  query: CompanyDuplicateQuery,
): Promise<Company[]> {
  authorize(actor, 'companies', 'read')
  if (!query.businessId && !query.domain && !query.name)
    throw fieldError('businessId', 'required', 'Give businessId, domain or name')
  const businessId = query.businessId ? normalizeBusinessId(query.businessId) : undefined
  if (businessId === null) throw fieldError('businessId', 'invalid_business_id')
  const domain = query.domain ? normalizeDomain(query.domain) : undefined
  if (domain === null) throw fieldError('domain', 'invalid_domain')
  const vis = { ownerIds: await visibleOwnerIds(deps, actor) }
  const ids = await findDuplicateCompanyIds(
    deps.db,
    actor.workspaceId,
    { businessId, domain, name: query.name },
    vis,
  )
  const found = new Map(
    (await findCompanies(deps.db, actor.workspaceId, ids, vis)).map((c) => [c.id, c]),
  )
  return ids.flatMap((id) => found.get(id) ?? [])
}
