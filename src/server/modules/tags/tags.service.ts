import type { Tag, TagApply, TagCreate, TagUpdate } from '../../../shared/tags.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { one } from '../../lib/one'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { recordEvents } from '../timeline/timeline.service'
import { addTagLinks, removeTagLinks, type TaggedObject } from './tag-links.repo'
import {
  deleteTagRow,
  findTagIdByName,
  findTaggedRecordIds,
  findTagRow,
  findVisibleRecordIds,
  insertTag,
  listTagRows,
  updateTagRow,
} from './tags.repo'

const resourceOf = { company: 'companies', contact: 'contacts' } as const

function duplicateName(cause?: unknown): AppError {
  return new AppError('CONFLICT', 'A tag with the same name exists', {
    cause,
    errors: [{ path: 'name', code: 'duplicate' }],
  })
}

/** Runs a tag write; the case-insensitive unique index has the last word on names. */
async function writeTag<T>(deps: Deps, fn: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(fn)
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw duplicateName(err)
    throw mapDbError(err)
  }
}

async function checkNameFree(db: Db, workspaceId: string, name: string, ownId?: string) {
  const holder = await findTagIdByName(db, workspaceId, name)
  if (holder && holder !== ownId) throw duplicateName()
}

export async function listTags(deps: Deps, actor: Actor): Promise<Tag[]> {
  authorize(actor, 'tags', 'read')
  return listTagRows(deps.db, actor.workspaceId)
}

export async function createTag(deps: Deps, actor: Actor, input: TagCreate): Promise<Tag> {
  authorize(actor, 'tags', 'create')
  await checkNameFree(deps.db, actor.workspaceId, input.name)
  return writeTag(deps, async (trx) => {
    const id = newId()
    await insertTag(trx, actor.workspaceId, id, { name: input.name, color: input.color ?? null })
    await audit(trx, actor, { action: 'create', objectType: 'tag', recordIds: [id] })
    return one(await listTagRows(trx, actor.workspaceId, [id]))
  })
}

export async function updateTag(
  deps: Deps,
  actor: Actor,
  id: string,
  input: TagUpdate,
): Promise<Tag> {
  authorize(actor, 'tags', 'update')
  return writeTag(deps, async (trx) => {
    const before = await findTagRow(trx, actor.workspaceId, id, true)
    if (!before) throw notFound('Tag')
    const name = input.name ?? before.name
    await checkNameFree(trx, actor.workspaceId, name, id)
    const color = input.color === undefined ? before.color : input.color
    await updateTagRow(trx, actor.workspaceId, id, { name, color })
    await audit(trx, actor, {
      action: 'update',
      objectType: 'tag',
      recordIds: [id],
      details: { name: { old: before.name, new: name }, color: { old: before.color, new: color } },
    })
    return one(await listTagRows(trx, actor.workspaceId, [id]))
  })
}

/** Deletes a tag; every record that carried it gets an `untagged` event. */
export async function deleteTag(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'tags', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    const tag = await findTagRow(trx, actor.workspaceId, id, true)
    if (!tag) throw notFound('Tag')
    const events = []
    for (const object of ['company', 'contact'] as const) {
      const ids = await findTaggedRecordIds(trx, object, actor.workspaceId, id)
      events.push(...ids.map((recordId) => untaggedEvent(object, recordId, tag)))
    }
    await deleteTagRow(trx, actor.workspaceId, id)
    await recordEvents(trx, actor, events)
    await audit(trx, actor, {
      action: 'delete',
      objectType: 'tag',
      recordIds: [id],
      details: { name: tag.name, untaggedRecords: events.length },
    })
  })
}

function untaggedEvent(object: TaggedObject, recordId: string, tag: Tag) {
  return {
    objectType: object,
    recordId,
    eventType: 'untagged',
    data: { tagId: tag.id, name: tag.name },
  }
}

/**
 * Adds (`apply`) or removes the tag on many records in one transaction. Every id must be an
 * existing record the actor can see and update; otherwise 404 and nothing is written.
 * Returns how many records actually changed.
 */
export async function tagRecords(
  deps: Deps,
  actor: Actor,
  tagId: string,
  input: TagApply,
  mode: 'apply' | 'remove',
): Promise<number> {
  authorize(actor, 'tags', 'read')
  authorize(actor, resourceOf[input.objectType], 'update')
  const ownerIds = await visibleOwnerIds(deps, actor)
  const ids = [...new Set(input.ids)]
  return deps.db.transaction().execute(async (trx) => {
    const tag = await findTagRow(trx, actor.workspaceId, tagId)
    if (!tag) throw notFound('Tag')
    const visible = await findVisibleRecordIds(
      trx,
      input.objectType,
      actor.workspaceId,
      ids,
      ownerIds,
    )
    if (visible.length !== ids.length)
      throw notFound(input.objectType === 'company' ? 'Company' : 'Contact')
    const already = new Set(
      await findTaggedRecordIds(trx, input.objectType, actor.workspaceId, tagId, ids),
    )
    const changed = ids.filter((id) => (mode === 'apply' ? !already.has(id) : already.has(id)))
    if (mode === 'apply')
      await addTagLinks(trx, input.objectType, actor.workspaceId, changed, [tagId])
    else await removeTagLinks(trx, input.objectType, actor.workspaceId, changed, [tagId])
    await recordEvents(
      trx,
      actor,
      changed.map((recordId) =>
        mode === 'apply'
          ? {
              objectType: input.objectType,
              recordId,
              eventType: 'tagged',
              data: { tagId, name: tag.name },
            }
          : untaggedEvent(input.objectType, recordId, tag),
      ),
    )
    if (changed.length === 0) return 0
    await audit(trx, actor, {
      action: mode === 'apply' ? 'tag' : 'untag',
      objectType: input.objectType,
      recordIds: changed,
      details: { tagId, name: tag.name },
    })
    return changed.length
  })
}
