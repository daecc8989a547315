import type { Deps } from '../../deps'
import { fieldError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { visibleOwnerIds } from '../access/access.service'
import { visibleCompanyIds } from '../companies/companies.service'
import { visibleContactIds } from '../contacts/contacts.service'

type Linked = { prefix: string; companyId: string | null; contactId: string | null }

/**
 * An activity may only be linked to a company or contact its author can see: otherwise an
 * own-scope user could write onto the timeline of a record hidden from them. The answer is the
 * same as for a record that does not exist.
 */
export async function assertLinksVisible(deps: Deps, actor: Actor, links: Linked[]): Promise<void> {
  if ((await visibleOwnerIds(deps, actor)) === null) return
  const companyIds = [...new Set(links.flatMap((l) => (l.companyId ? [l.companyId] : [])))]
  const contactIds = [...new Set(links.flatMap((l) => (l.contactId ? [l.contactId] : [])))]
  const [companies, contacts] = await Promise.all([
    visibleCompanyIds(deps, actor, companyIds),
    visibleContactIds(deps, actor, contactIds),
  ])
  for (const l of links) {
    if (l.companyId && !companies.has(l.companyId))
      throw fieldError(`${l.prefix}companyId`, 'unknown_reference')
    if (l.contactId && !contacts.has(l.contactId))
      throw fieldError(`${l.prefix}contactId`, 'unknown_reference')
  }
}
