import type { Selectable } from 'kysely'
import type { SavedView, ViewObject, ViewQuery } from '../../../shared/views.schema'
import type { Db } from '../../db/client'
import type { SavedViewsTable } from '../../db/schema'

function toView(r: Selectable<SavedViewsTable>): SavedView {
  return {
    id: r.id,
    objectType: r.object_type as ViewObject,
    name: r.name,
    ownerId: r.owner_id,
    isShared: r.is_shared,
    query: r.query as ViewQuery,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

/** The views a member sees: their own and the shared ones, shared first, then by name. */
export async function findVisibleViews(
  db: Db,
  workspaceId: string,
  userId: string,
  objectType: ViewObject | undefined,
): Promise<SavedView[]> {
  let q = db
    .selectFrom('saved_views')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('owner_id', '=', userId), eb('is_shared', '=', true)]))
  if (objectType) q = q.where('object_type', '=', objectType)
  const rows = await q.orderBy('is_shared', 'desc').orderBy('name').orderBy('id').execute()
  return rows.map(toView)
}

export async function findView(
  db: Db,
  workspaceId: string,
  id: string,
  forUpdate = false,
): Promise<SavedView | undefined> {
  let q = db
    .selectFrom('saved_views')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && toView(row)
}

export type NewView = {
  id: string
  objectType: ViewObject
  name: string
  ownerId: string
  isShared: boolean
  query: ViewQuery
}

export async function insertView(db: Db, workspaceId: string, v: NewView): Promise<void> {
  await db
    .insertInto('saved_views')
    .values({
      workspace_id: workspaceId,
      id: v.id,
      object_type: v.objectType,
      name: v.name,
      owner_id: v.ownerId,
      is_shared: v.isShared,
      query: JSON.stringify(v.query),
    })
    .execute()
}

export async function updateView(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { name?: string; isShared?: boolean; query?: ViewQuery },
): Promise<void> {
  await db
    .updateTable('saved_views')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.isShared !== undefined && { is_shared: patch.isShared }),
      ...(patch.query !== undefined && { query: JSON.stringify(patch.query) }),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function deleteView(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('saved_views')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}
