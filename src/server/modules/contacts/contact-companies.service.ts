import type { Contact, ContactCompanyLink } from '../../../shared/contacts.schema'
import type { Db } from '../../db/client'
import type { Visibility } from '../../db/list-query'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { recordEvents, type RecordEvent } from '../timeline/timeline.service'
import {
  clearPrimary,
  deleteLinks,
  findLinkableCompanyIds,
  listLinkRows,
  upsertLinks,
  type LinkRow,
} from './contact-companies.repo'
import { findContacts } from './contacts.repo'

/**
 * Refuses links to companies that are not live companies of the workspace visible to the actor.
 * A company the contact is already linked to stays allowed, so a user who cannot see it can
 * still send the contact's companies back unchanged.
 */
export async function checkCompanyRefs(
  db: Db,
  actor: Actor,
  vis: Visibility,
  records: { prefix: string; contactId?: string; companies?: ContactCompanyLink[] }[],
): Promise<void> {
  const ids = [...new Set(records.flatMap((r) => (r.companies ?? []).map((c) => c.companyId)))]
  if (ids.length === 0) return
  const found = await findLinkableCompanyIds(db, actor.workspaceId, ids, vis)
  const contactIds = records.flatMap((r) =>
    r.contactId && r.companies?.length ? [r.contactId] : [],
  )
  const linked = new Set(
    vis.ownerIds
      ? (await listLinkRows(db, actor.workspaceId, contactIds)).map(
          (l) => `${l.contactId}/${l.companyId}`,
        )
      : [],
  )
  for (const r of records)
    for (const [j, c] of (r.companies ?? []).entries())
      if (!found.has(c.companyId) && !linked.has(`${r.contactId}/${c.companyId}`))
        throw fieldError(
          `${r.prefix}companies.${j}.companyId`,
          'unknown_reference',
          'No such company',
        )
}

export function toLinkRow(contactId: string, c: ContactCompanyLink): LinkRow {
  return {
    contactId,
    companyId: c.companyId,
    role: c.role || null,
    isPrimary: c.isPrimary === true,
  }
}

/** The same event on both sides of a link, so each record's timeline tells it. */
export function linkEvents(
  eventType: 'linked' | 'unlinked' | 'link_updated',
  link: LinkRow,
  before?: LinkRow,
): RecordEvent[] {
  const data = { role: link.role, isPrimary: link.isPrimary }
  const changes = before
    ? (['role', 'isPrimary'] as const)
        .filter((f) => before[f] !== link[f])
        .map((f) => ({ field: f, old: before[f], new: link[f] }))
    : null
  return [
    {
      objectType: 'contact',
      recordId: link.contactId,
      eventType,
      changes,
      data: { ...data, companyId: link.companyId },
    },
    {
      objectType: 'company',
      recordId: link.companyId,
      eventType,
      changes,
      data: { ...data, contactId: link.contactId },
    },
  ]
}

/** Writes the links and returns their timeline events; a primary clears the old one first. */
async function applyLinks(
  trx: Db,
  workspaceId: string,
  contactId: string,
  wanted: LinkRow[],
  current: LinkRow[],
): Promise<RecordEvent[]> {
  const byCompany = new Map(current.map((l) => [l.companyId, l]))
  const primary = wanted.find((l) => l.isPrimary)
  if (primary) await clearPrimary(trx, workspaceId, contactId, primary.companyId)
  const changed = wanted.filter((l) => {
    const before = byCompany.get(l.companyId)
    return !before || before.role !== l.role || before.isPrimary !== l.isPrimary
  })
  await upsertLinks(trx, workspaceId, changed)
  return changed.flatMap((l) => {
    const before = byCompany.get(l.companyId)
    return before ? linkEvents('link_updated', l, before) : linkEvents('linked', l)
  })
}

/** Makes the contact's companies exactly `links`. */
export async function replaceContactCompanies(
  trx: Db,
  workspaceId: string,
  contactId: string,
  links: ContactCompanyLink[],
): Promise<RecordEvent[]> {
  const current = await listLinkRows(trx, workspaceId, [contactId])
  const wanted = links.map((l) => toLinkRow(contactId, l))
  const keep = new Set(wanted.map((l) => l.companyId))
  const removed = current.filter((l) => !keep.has(l.companyId))
  await deleteLinks(
    trx,
    workspaceId,
    contactId,
    removed.map((l) => l.companyId),
  )
  const events = await applyLinks(trx, workspaceId, contactId, wanted, current)
  return [...removed.flatMap((l) => linkEvents('unlinked', l)), ...events]
}

/**
 * Links a contact to a company inside the caller's transaction, for writes that make several
 * records at once (lead conversion): the same link rules and history as PUT
 * /contacts/:id/companies/:companyId. The caller has checked both records.
 */
export async function linkCompanyInTransaction(
  trx: Db,
  actor: Actor,
  contactId: string,
  link: ContactCompanyLink,
): Promise<void> {
  authorize(actor, 'contacts', 'update')
  const current = await listLinkRows(trx, actor.workspaceId, [contactId])
  const row = toLinkRow(contactId, link)
  await recordEvents(
    trx,
    actor,
    await applyLinks(trx, actor.workspaceId, contactId, [row], current),
  )
}

async function linkContext(deps: Deps, actor: Actor) {
  authorize(actor, 'contacts', 'update')
  const ownerIds = await visibleOwnerIds(deps, actor)
  return { ownerIds } satisfies Visibility
}

/** PUT /contacts/:id/companies/:companyId: links, or changes the role or primary flag. */
export async function linkCompany(
  deps: Deps,
  actor: Actor,
  contactId: string,
  link: ContactCompanyLink,
): Promise<Contact> {
  const vis = await linkContext(deps, actor)
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const [contact] = await findContacts(trx, actor.workspaceId, [contactId], vis, true)
      if (!contact) throw notFound('Contact')
      await checkCompanyRefs(trx, actor, vis, [{ prefix: '', contactId, companies: [link] }])
      const current = await listLinkRows(trx, actor.workspaceId, [contactId])
      const row = toLinkRow(contactId, link)
      const events = await applyLinks(trx, actor.workspaceId, contactId, [row], current)
      await recordEvents(trx, actor, events)
      if (events.length)
        await audit(trx, actor, { action: 'update', objectType: 'contact', recordIds: [contactId] })
      return (
        (await findContacts(trx, actor.workspaceId, [contactId], { ownerIds: null }))[0] ?? contact
      )
    })
  } catch (err) {
    throw mapDbError(err)
  }
}

/** DELETE /contacts/:id/companies/:companyId. */
export async function unlinkCompany(
  deps: Deps,
  actor: Actor,
  contactId: string,
  companyId: string,
): Promise<void> {
  const vis = await linkContext(deps, actor)
  await deps.db.transaction().execute(async (trx) => {
    const [contact] = await findContacts(trx, actor.workspaceId, [contactId], vis, true)
    if (!contact) throw notFound('Contact')
    const link = (await listLinkRows(trx, actor.workspaceId, [contactId])).find(
      (l) => l.companyId === companyId,
    )
    if (!link) throw notFound('Link to the company')
    await deleteLinks(trx, actor.workspaceId, contactId, [companyId])
    await recordEvents(trx, actor, linkEvents('unlinked', link))
    await audit(trx, actor, { action: 'update', objectType: 'contact', recordIds: [contactId] })
  })
}
