import type { Contact, ContactCreate, ContactUpdate } from '../../../shared/contacts.schema'
import type { Db } from '../../db/client'
import type { Visibility } from '../../db/list-query'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { replaceTagLinks } from '../tags/tag-links.repo'
import { diffFields, recordEvents, type RecordEvent } from '../timeline/timeline.service'
import { upsertLinks } from './contact-companies.repo'
import {
  checkCompanyRefs,
  linkEvents,
  replaceContactCompanies,
  toLinkRow,
} from './contact-companies.service'
import {
  findContacts,
  insertContacts,
  setDeletedAt,
  updateContactRow,
  valuesOf,
} from './contacts.repo'
import { mergeValues } from './contacts.values'

// Writes of contacts: each use case is one transaction with its timeline events and audit entry.
// Company links are written here too and tell their story on both the contact and the company.

const trackedFields = [
  'firstName',
  'lastName',
  'emails',
  'phones',
  'title',
  'language',
  'birthDate',
  'gender',
  'interests',
  'address',
  'lifecycleStage',
  'ownerId',
  'source',
  'custom',
  'tags',
] as const

export async function contactVisibility(
  deps: Deps,
  actor: Actor,
  includeDeleted: Visibility['includeDeleted'] = false,
): Promise<Visibility> {
  return { ownerIds: await visibleOwnerIds(deps, actor), includeDeleted }
}

async function inTransaction<T>(deps: Deps, fn: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(fn)
  } catch (err) {
    throw mapDbError(err)
  }
}

export async function createContacts(
  deps: Deps,
  actor: Actor,
  inputs: ContactCreate[],
  isBulk = false,
): Promise<Contact[]> {
  authorize(actor, 'contacts', 'create')
  const defs = await customFieldDefinitions(deps.db, actor.workspaceId, 'contact')
  const prefix = (i: number) => (isBulk ? `records.${i}.` : '')
  const records = inputs.map((input, i) => ({
    id: newId(),
    values: mergeValues({ ownerId: actor.userId, ...input }, undefined, defs, prefix(i)),
    input,
  }))
  const vis = await contactVisibility(deps, actor)
  await checkCompanyRefs(
    deps.db,
    actor,
    vis,
    inputs.map((input, i) => ({ prefix: prefix(i), companies: input.companies })),
  )
  return inTransaction(deps, async (trx) => {
    await insertContacts(trx, actor.workspaceId, records, actor.userId)
    const links = records.flatMap((r) => (r.input.companies ?? []).map((c) => toLinkRow(r.id, c)))
    await upsertLinks(trx, actor.workspaceId, links)
    for (const r of records)
      if (r.input.tagIds?.length)
        await replaceTagLinks(trx, 'contact', actor.workspaceId, r.id, r.input.tagIds)
    const ids = records.map((r) => r.id)
    await recordEvents(trx, actor, [
      ...ids.map((id) => ({ objectType: 'contact', recordId: id, eventType: 'created' })),
      ...links.flatMap((l) => linkEvents('linked', l)),
    ])
    await audit(trx, actor, { action: 'create', objectType: 'contact', recordIds: ids })
    return findContacts(trx, actor.workspaceId, ids, { ownerIds: null })
  })
}

export type ContactPatch = ContactUpdate & { id: string }

function updateEvent(before: Contact, now: Contact): RecordEvent {
  const changes = diffFields(
    { ...before, tags: before.tags.map((t) => t.id) },
    { ...now, tags: now.tags.map((t) => t.id) },
    [...trackedFields],
  )
  return { objectType: 'contact', recordId: now.id, eventType: 'updated', changes }
}

export async function updateContacts(
  deps: Deps,
  actor: Actor,
  patches: ContactPatch[],
  isBulk = false,
): Promise<Contact[]> {
  authorize(actor, 'contacts', 'update')
  const defs = await customFieldDefinitions(deps.db, actor.workspaceId, 'contact')
  const vis = await contactVisibility(deps, actor)
  const prefix = (i: number) => (isBulk ? `records.${i}.` : '')
  return inTransaction(deps, async (trx) => {
    const ids = patches.map((p) => p.id)
    const existing = new Map(
      (await findContacts(trx, actor.workspaceId, ids, vis, true)).map((c) => [c.id, c]),
    )
    await checkCompanyRefs(
      trx,
      actor,
      vis,
      patches.map((p, i) => ({ prefix: prefix(i), contactId: p.id, companies: p.companies })),
    )
    const linkChanges: RecordEvent[] = []
    for (const [i, patch] of patches.entries()) {
      const before = existing.get(patch.id)
      if (!before)
        throw isBulk
          ? fieldError(`${prefix(i)}id`, 'unknown_reference', 'Contact not found')
          : notFound('Contact')
      const values = mergeValues(patch, valuesOf(before), defs, prefix(i))
      await updateContactRow(trx, actor.workspaceId, patch.id, values)
      if (patch.tagIds)
        await replaceTagLinks(trx, 'contact', actor.workspaceId, patch.id, patch.tagIds)
      if (patch.companies)
        linkChanges.push(
          ...(await replaceContactCompanies(trx, actor.workspaceId, patch.id, patch.companies)),
        )
    }
    const after = await findContacts(trx, actor.workspaceId, ids, { ownerIds: null })
    const updates = after.flatMap((now) => {
      const before = existing.get(now.id)
      const event = before && updateEvent(before, now)
      return event?.changes?.length ? [event] : []
    })
    await recordEvents(trx, actor, [...updates, ...linkChanges])
    const changedIds = new Set([
      ...updates.map((e) => e.recordId),
      ...linkChanges.filter((e) => e.objectType === 'contact').map((e) => e.recordId),
    ])
    await audit(trx, actor, { action: 'update', objectType: 'contact', recordIds: [...changedIds] })
    return after
  })
}

/** Soft delete: the records leave lists and search but can be restored with their history. */
export async function deleteContacts(deps: Deps, actor: Actor, ids: string[]): Promise<number> {
  authorize(actor, 'contacts', 'delete')
  const vis = await contactVisibility(deps, actor)
  return inTransaction(deps, async (trx) => {
    const found = await findContacts(trx, actor.workspaceId, ids, vis, true)
    if (ids.length === 1 && found.length === 0) throw notFound('Contact')
    const foundIds = found.map((c) => c.id)
    await setDeletedAt(trx, actor.workspaceId, foundIds, new Date())
    await recordEvents(
      trx,
      actor,
      foundIds.map((id) => ({ objectType: 'contact', recordId: id, eventType: 'deleted' })),
    )
    await audit(trx, actor, { action: 'delete', objectType: 'contact', recordIds: foundIds })
    return foundIds.length
  })
}

export async function restoreContacts(deps: Deps, actor: Actor, ids: string[]): Promise<Contact[]> {
  authorize(actor, 'contacts', 'delete')
  const vis = await contactVisibility(deps, actor, 'only')
  return inTransaction(deps, async (trx) => {
    const found = await findContacts(trx, actor.workspaceId, ids, vis, true)
    if (found.length === 0) throw notFound('Deleted contact')
    const foundIds = found.map((c) => c.id)
    await setDeletedAt(trx, actor.workspaceId, foundIds, null)
    await recordEvents(
      trx,
      actor,
      foundIds.map((id) => ({ objectType: 'contact', recordId: id, eventType: 'restored' })),
    )
    await audit(trx, actor, { action: 'restore', objectType: 'contact', recordIds: foundIds })
    return findContacts(trx, actor.workspaceId, foundIds, { ownerIds: null })
  })
}

/** Which of `ids` the actor may see; other modules check links to contacts with it. */
export async function visibleContactIds(
  deps: Deps,
  actor: Actor,
  ids: string[],
): Promise<Set<string>> {
  const found = await findContacts(
    deps.db,
    actor.workspaceId,
    ids,
    await contactVisibility(deps, actor),
  )
  return new Set(found.map((c) => c.id))
}
