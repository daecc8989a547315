import {
  contactValueFields,
  type Contact,
  type ContactCreate,
  type ContactUpdate,
} from '../../../shared/contacts.schema'
import type { Db } from '../../db/client'
import { always, runAsOne } from '../../db/statements'
import type { Visibility } from '../../db/list-query'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, namingRecords, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { auditInsertSql } from '../audit/audit.repo'
import { auditEntries, type AuditInput } from '../audit/audit.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { replaceTagLinks } from '../tags/tag-links.repo'
import {
  diffFields,
  recordEvents,
  recordEventsSql,
  type RecordEvent,
} from '../timeline/timeline.service'
import { upsertLinks } from './contact-companies.repo'
import {
  checkCompanyRefs,
  linkEvents,
  replaceContactCompanies,
  toLinkRow,
} from './contact-companies.service'
import {
  findContacts,
  findContactVersion,
  insertContacts,
  setDeletedAt,
  updateContactRow,
  valuesOf,
  withLinks,
  type Alongside,
} from './contacts.repo'
import { mergeValues } from './contacts.values'

// Writes of contacts: each use case is one transaction with its timeline events and audit entry.
// Company links are written here too and tell their story on both the contact and the company.

const trackedFields = [...contactValueFields, 'custom', 'tags'] as const

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

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

/** A change's timeline events and its audit entry in one statement, in the caller's transaction. */
function writeHistory(db: Db, actor: Actor, events: RecordEvent[], input: AuditInput) {
  return runAsOne(db, [
    ...auditEntries(actor, input).map((e) => auditInsertSql(e, always)),
    ...(events.length ? [recordEventsSql(actor, events, always)] : []),
  ])
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
  const ids = records.map((r) => r.id)
  const links = records.flatMap((r) => (r.input.companies ?? []).map((c) => toLinkRow(r.id, c)))
  const tagged = records.filter((r) => r.input.tagIds?.length)
  // Each chunk's insert carries its `created` events; the audit entry of the whole create goes
  // with the last chunk.
  const lastChunk = ids.slice(Math.floor((ids.length - 1) / 1000) * 1000)
  const history =
    (chunkIds: string[]): Alongside =>
    (when) => [
      recordEventsSql(
        actor,
        chunkIds.map((id) => ({ objectType: 'contact', recordId: id, eventType: 'created' })),
        when,
      ),
      ...(chunkIds[0] === lastChunk[0]
        ? auditEntries(actor, { action: 'create', objectType: 'contact', recordIds: ids }).map(
            (e) => auditInsertSql(e, when),
          )
        : []),
    ]
  const write = async (db: Db) => {
    const created = await insertContacts(db, actor.workspaceId, records, actor.userId, history)
    if (links.length === 0 && tagged.length === 0) return created
    await upsertLinks(db, actor.workspaceId, links)
    for (const r of tagged)
      await replaceTagLinks(db, 'contact', actor.workspaceId, r.id, r.input.tagIds!)
    await recordEvents(
      db,
      actor,
      links.flatMap((l) => linkEvents('linked', l)),
    )
    return findContacts(db, actor.workspaceId, ids, { ownerIds: null })
  }
  // Up to 1,000 contacts without links or tags are one statement, atomic without a transaction.
  return namingRecords(isBulk, inputs, () =>
    ids.length <= 1000 && links.length === 0 && tagged.length === 0
      ? withDb(() => write(deps.db))
      : inTransaction(deps, write),
  )
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
  const [only] = patches
  if (!isBulk && only && patches.length === 1 && !only.tagIds && !only.companies) {
    const patched = await patchValues(deps, actor, only, defs, vis)
    if (patched) return [patched]
  }
  const prefix = (i: number) => (isBulk ? `records.${i}.` : '')
  const update = () =>
    inTransaction(deps, async (trx) => {
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
      const stored = new Map<string, Contact>()
      for (const [i, patch] of patches.entries()) {
        const before = existing.get(patch.id)
        if (!before)
          throw isBulk
            ? fieldError(`${prefix(i)}id`, 'unknown_reference', 'Contact not found')
            : notFound('Contact')
        const values = mergeValues(patch, valuesOf(before), defs, prefix(i))
        const row = await updateContactRow(trx, actor.workspaceId, patch.id, values)
        if (row) stored.set(patch.id, withLinks(row, before))
        if (patch.tagIds)
          await replaceTagLinks(trx, 'contact', actor.workspaceId, patch.id, patch.tagIds)
        if (patch.companies)
          linkChanges.push(
            ...(await replaceContactCompanies(trx, actor.workspaceId, patch.id, patch.companies)),
          )
      }
      // Without new tags or companies the stored rows with their old links are the answer; a
      // read again is needed only when those changed.
      const hasLinkChanges = patches.some((p) => p.tagIds || p.companies)
      const after = hasLinkChanges
        ? await findContacts(trx, actor.workspaceId, ids, { ownerIds: null })
        : ids.flatMap((id) => stored.get(id) ?? [])
      const updates = after.flatMap((now) => {
        const before = existing.get(now.id)
        const event = before && updateEvent(before, now)
        return event?.changes?.length ? [event] : []
      })
      const changedIds = new Set([
        ...updates.map((e) => e.recordId),
        ...linkChanges.filter((e) => e.objectType === 'contact').map((e) => e.recordId),
      ])
      await writeHistory(trx, actor, [...updates, ...linkChanges], {
        action: 'update',
        objectType: 'contact',
        recordIds: [...changedIds],
      })
      return after
    })
  return namingRecords(isBulk, patches, update)
}

/** jsonb keeps keys in its own order: compare (and record) such values with sorted keys. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys)
  if (v === null || typeof v !== 'object') return v
  const o = v as Record<string, unknown>
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortedKeys(o[k])]),
  )
}

const comparable = (c: Contact): Contact =>
  ({
    ...c,
    address: sortedKeys(c.address),
    source: sortedKeys(c.source),
    custom: sortedKeys(c.custom),
  }) as Contact

/**
 * A patch of one contact's own values (no tags, no companies) as one read and one statement:
 * the update happens only if the row is still at the version read (its xmin), and carries its
 * timeline event and audit entry as CTEs — no transaction, no row lock, two round trips instead
 * of six (docs/decisions.md, as deal moves do). The change is known before the write: the patch
 * merged onto what was read, as the row will store it. A write in between changes the version:
 * the patch starts over; after three such conflicts it returns undefined and the caller takes
 * the locking path.
 */
async function patchValues(
  deps: Deps,
  actor: Actor,
  patch: ContactPatch,
  defs: Awaited<ReturnType<typeof customFieldDefinitions>>,
  vis: Visibility,
): Promise<Contact | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await withDb(() => findContactVersion(deps.db, actor.workspaceId, patch.id, vis))
    if (!found) throw notFound('Contact')
    const { contact: before, version } = found
    const values = mergeValues(patch, valuesOf(before), defs, '')
    // As the row will store it: ids come back in lower case.
    const after: Contact = {
      ...before,
      ...values,
      lifecycleStage: values.lifecycleStage as Contact['lifecycleStage'],
      ownerId: values.ownerId?.toLowerCase() ?? null,
    }
    const event = updateEvent(comparable(before), comparable(after))
    const events = event.changes?.length ? [event] : []
    const history: Alongside = (when) => [
      ...(events.length ? [recordEventsSql(actor, events, when)] : []),
      ...auditEntries(actor, {
        action: 'update',
        objectType: 'contact',
        recordIds: events.map((e) => e.recordId),
      }).map((e) => auditInsertSql(e, when)),
    ]
    const row = await withDb(() =>
      updateContactRow(deps.db, actor.workspaceId, patch.id, values, history, version),
    )
    if (row) return withLinks(row, before)
  }
  return undefined
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
    await writeHistory(
      trx,
      actor,
      foundIds.map((id) => ({ objectType: 'contact', recordId: id, eventType: 'deleted' })),
      { action: 'delete', objectType: 'contact', recordIds: foundIds },
    )
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
    await writeHistory(
      trx,
      actor,
      foundIds.map((id) => ({ objectType: 'contact', recordId: id, eventType: 'restored' })),
      { action: 'restore', objectType: 'contact', recordIds: foundIds },
    )
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
