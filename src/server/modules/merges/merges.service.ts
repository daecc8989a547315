import type { Company } from '../../../shared/companies.schema'
import type { Contact } from '../../../shared/contacts.schema'
import type { DuplicateObjectType } from '../../../shared/duplicates.schema'
import {
  companyMergeFields,
  contactMergeFields,
  type Merge,
  type MergeCreate,
  type MergePreview,
  type MergeResult,
} from '../../../shared/merges.schema'
import type { Db } from '../../db/client'
import type { Visibility } from '../../db/list-query'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { replaceTagLinks } from '../tags/tag-links.repo'
import { diffFields, recordEvents } from '../timeline/timeline.service'
import {
  loadMergeRecords,
  mergeCompanies,
  mergeContacts,
  type LoadedRecords,
  type MergeOutcome,
} from './merge-writes'
import {
  checkChoices,
  companyRecord,
  contactRecord,
  mergeRecordValues,
  type MergeRecord,
} from './merge-values'
import {
  countLinks,
  findMerge,
  findSurvivorId,
  insertMerge,
  settleCandidates,
  type MergeRow,
} from './merges.repo'

// Merging duplicates: the survivor takes the chosen values and everything that hung on the
// merged records; they are soft-deleted with a pointer to it. One transaction with its timeline
// events and audit entry. Needs update rights on the type (for the survivor) and delete rights
// (for the others), and every record visible to the actor: another's record is 404.

const resourceOf = (t: DuplicateObjectType) => (t === 'contact' ? 'contacts' : 'companies')

function checkInput(input: MergeCreate): void {
  if (input.mergedIds.includes(input.survivorId))
    throw fieldError('mergedIds', 'merge_survivor_in_merged', 'The survivor cannot be merged')
  if (new Set(input.mergedIds).size !== input.mergedIds.length)
    throw fieldError('mergedIds', 'duplicate', 'A record is listed twice')
  checkChoices(input.objectType, input.fields, [input.survivorId, ...input.mergedIds])
}

async function visibility(deps: Deps, actor: Actor): Promise<Visibility> {
  return { ownerIds: await visibleOwnerIds(deps, actor), includeDeleted: false }
}

/** The live records of the merge, survivor first; 404 when one is missing or not visible. */
async function loadRecords(
  db: Db,
  actor: Actor,
  vis: Visibility,
  input: MergeCreate,
  forUpdate: boolean,
): Promise<LoadedRecords> {
  const ids = [input.survivorId, ...input.mergedIds]
  const loaded = await loadMergeRecords(
    db,
    input.objectType,
    actor.workspaceId,
    ids,
    vis,
    forUpdate,
  )
  if (loaded.rows.length !== ids.length)
    throw notFound(input.objectType === 'contact' ? 'Contact' : 'Company')
  return loaded
}

function mergeRecordsOf(loaded: LoadedRecords, ids: string[]): MergeRecord[] {
  if (loaded.kind === 'contact') return loaded.rows.map(contactRecord)
  // A parent inside the merge would be the survivor itself afterwards: treat it as empty.
  return loaded.rows.map((c) => {
    const r = companyRecord(c)
    if (c.parentId && ids.includes(c.parentId)) r.values.parentId = null
    return r
  })
}

function computeValues(loaded: LoadedRecords, input: MergeCreate) {
  const ids = [input.survivorId, ...input.mergedIds]
  const merged = mergeRecordValues(input.objectType, mergeRecordsOf(loaded, ids), input.fields)
  if (loaded.kind === 'contact') {
    const v = merged.values
    if (!v.firstName && !v.lastName && !(v.emails as unknown[]).length)
      throw fieldError('fields.lastName', 'name_or_email_required')
  }
  return merged
}

export async function previewMerge(
  deps: Deps,
  actor: Actor,
  input: MergeCreate,
): Promise<MergePreview> {
  authorize(actor, resourceOf(input.objectType), 'update')
  authorize(actor, resourceOf(input.objectType), 'delete')
  checkInput(input)
  const loaded = await loadRecords(deps.db, actor, await visibility(deps, actor), input, false)
  const { values, tagIds } = computeValues(loaded, input)
  const survivor = loaded.rows[0] as Contact | Company
  const allTags = new Map(loaded.rows.flatMap((r) => r.tags).map((t) => [t.id, t]))
  const record = {
    ...survivor,
    ...values,
    tags: tagIds.flatMap((id) => allTags.get(id) ?? []),
  } as Contact | Company
  const moved = await countLinks(deps.db, input.objectType, {
    workspaceId: actor.workspaceId,
    survivorId: input.survivorId,
    mergedIds: input.mergedIds,
  })
  return {
    objectType: input.objectType,
    survivorId: input.survivorId,
    mergedIds: input.mergedIds,
    record,
    moved,
  }
}

function toMerge(r: MergeRow): Merge {
  return {
    id: r.id,
    objectType: r.object_type as DuplicateObjectType,
    survivorId: r.survivor_id,
    mergedIds: r.merged_ids,
    fields: r.fields,
    moved: r.moved,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  }
}

const trackedFields = (t: DuplicateObjectType) => [
  ...(t === 'contact' ? contactMergeFields : companyMergeFields),
  'custom',
]

export async function mergeRecords(
  deps: Deps,
  actor: Actor,
  input: MergeCreate,
): Promise<MergeResult> {
  authorize(actor, resourceOf(input.objectType), 'update')
  authorize(actor, resourceOf(input.objectType), 'delete')
  checkInput(input)
  const vis = await visibility(deps, actor)
  const mergeId = newId()
  const t = input.objectType
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const loaded = await loadRecords(trx, actor, vis, input, true)
      const { values, tagIds } = computeValues(loaded, input)
      const target = {
        workspaceId: actor.workspaceId,
        survivorId: input.survivorId,
        mergedIds: input.mergedIds,
      }
      const before = loaded.rows[0] as Contact | Company
      const out: MergeOutcome =
        loaded.kind === 'contact'
          ? await mergeContacts(trx, target, values)
          : await mergeCompanies(trx, target, values)
      await replaceTagLinks(trx, t, actor.workspaceId, input.survivorId, tagIds)
      const moved = {
        ...out.moved,
        tags: tagIds.filter((id) => !before.tags.some((x) => x.id === id)).length,
      }
      const fields = Object.fromEntries(Object.entries(input.fields))
      await insertMerge(trx, {
        ...target,
        id: mergeId,
        objectType: t,
        fields,
        moved,
        createdBy: actor.userId,
      })
      await settleCandidates(trx, { ...target, objectType: t, userId: actor.userId })
      const after = await out.reload()
      const tags = (x: Contact | Company) => ({ ...x, tags: x.tags.map((tag) => tag.id) })
      await recordEvents(trx, actor, [
        {
          objectType: t,
          recordId: input.survivorId,
          eventType: 'merged',
          changes: diffFields(tags(before), tags(after), trackedFields(t)),
          data: { mergeId, mergedIds: input.mergedIds, moved },
        },
        ...input.mergedIds.map((id) => ({
          objectType: t,
          recordId: id,
          eventType: 'merged_into',
          data: { mergeId, survivorId: input.survivorId },
        })),
      ])
      await audit(trx, actor, {
        action: 'merge',
        objectType: t,
        recordIds: [input.survivorId, ...input.mergedIds],
        details: {
          mergeId,
          survivorId: input.survivorId,
          mergedIds: input.mergedIds,
          fields,
          moved,
        },
      })
      const row = await findMerge(trx, actor.workspaceId, mergeId)
      if (!row) throw new Error('merge vanished after insert')
      return { ...toMerge(row), record: after }
    })
  } catch (err) {
    throw mapDbError(err)
  }
}

export async function getMerge(deps: Deps, actor: Actor, id: string): Promise<Merge> {
  const row = await findMerge(deps.db, actor.workspaceId, id)
  if (!row) throw notFound('Merge')
  authorize(actor, resourceOf(row.object_type as DuplicateObjectType), 'read')
  return toMerge(row)
}

/**
 * Where a merged record went, for the record's own GET to redirect. Only asked for a record
 * that is deleted, so a live record costs nothing extra.
 */
export async function findMergedInto(
  deps: Deps,
  actor: Actor,
  objectType: DuplicateObjectType,
  id: string,
): Promise<string | undefined> {
  return findSurvivorId(deps.db, actor.workspaceId, objectType, id)
}
