import type { Resource } from '../../../shared/permissions'
import type {
  SavedView,
  SavedViewCreate,
  SavedViewUpdate,
  ViewObject,
} from '../../../shared/views.schema'
import { savedViewCreateSchema } from '../../../shared/views.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { deleteView, findView, findVisibleViews, insertView, updateView } from './views.repo'

// A view only stores how to look at a list, so whoever may read the list may save views of it.
// Personal views are invisible to others (404); shared ones are edited by their owner or an admin.

const resourceOf: Record<ViewObject, Resource> = {
  company: 'companies',
  contact: 'contacts',
  activity: 'activities',
}

/** The view if the actor may see it: their own or shared, in their workspace. */
async function visibleView(db: Db, actor: Actor, id: string, forUpdate = false) {
  const view = await findView(db, actor.workspaceId, id, forUpdate)
  if (!view || (view.ownerId !== actor.userId && !view.isShared)) throw notFound('View')
  authorize(actor, resourceOf[view.objectType], 'read')
  return view
}

function assertMayChange(actor: Actor, view: SavedView): void {
  if (view.ownerId !== actor.userId && actor.role !== 'admin')
    throw new AppError('FORBIDDEN', 'Only the owner of a view or an admin may change it')
}

export async function listViews(
  deps: Deps,
  actor: Actor,
  objectType: ViewObject | undefined,
): Promise<SavedView[]> {
  if (objectType) authorize(actor, resourceOf[objectType], 'read')
  const views = await findVisibleViews(deps.db, actor.workspaceId, actor.userId, objectType)
  // Without a type, show only views of lists the actor may read.
  return objectType
    ? views
    : views.filter((v) => {
        try {
          authorize(actor, resourceOf[v.objectType], 'read')
          return true
        } catch {
          return false
        }
      })
}

export async function getView(deps: Deps, actor: Actor, id: string): Promise<SavedView> {
  return visibleView(deps.db, actor, id)
}

export async function createView(
  deps: Deps,
  actor: Actor,
  input: SavedViewCreate,
): Promise<SavedView> {
  const v = savedViewCreateSchema.parse(input)
  authorize(actor, resourceOf[v.objectType], 'read')
  return deps.db.transaction().execute(async (trx) => {
    const id = newId()
    await insertView(trx, actor.workspaceId, { id, ...v, ownerId: actor.userId })
    await audit(trx, actor, {
      action: 'create',
      objectType: 'view',
      recordIds: [id],
      details: { name: v.name, objectType: v.objectType, isShared: v.isShared },
    })
    const created = await findView(trx, actor.workspaceId, id)
    if (!created) throw notFound('View')
    return created
  })
}

export async function changeView(
  deps: Deps,
  actor: Actor,
  id: string,
  input: SavedViewUpdate,
): Promise<SavedView> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await visibleView(trx, actor, id, true)
    assertMayChange(actor, before)
    await updateView(trx, actor.workspaceId, id, input)
    // Read without the visibility rule: an admin who unshares a view no longer sees it.
    const after = await findView(trx, actor.workspaceId, id)
    if (!after) throw notFound('View')
    const changes = (['name', 'isShared', 'query'] as const)
      .filter((f) => input[f] !== undefined)
      .map((f) => ({ field: f, old: before[f], new: after[f] }))
    await audit(trx, actor, {
      action: 'update',
      objectType: 'view',
      recordIds: [id],
      details: { changes },
    })
    return after
  })
}

export async function removeView(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const view = await visibleView(trx, actor, id, true)
    assertMayChange(actor, view)
    await deleteView(trx, actor.workspaceId, id)
    await audit(trx, actor, {
      action: 'delete',
      objectType: 'view',
      recordIds: [id],
      details: { name: view.name, objectType: view.objectType },
    })
  })
}
