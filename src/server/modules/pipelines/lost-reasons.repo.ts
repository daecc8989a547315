import type { LostReason } from '../../../shared/pipelines.schema'
import type { Db } from '../../db/client'

export async function listLostReasons(db: Db, workspaceId: string): Promise<LostReason[]> {
  const rows = await db
    .selectFrom('lost_reasons')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, position: r.position, isActive: r.is_active }))
}

export async function insertLostReason(
  db: Db,
  workspaceId: string,
  r: { id: string; name: string; position: number; isActive: boolean },
): Promise<void> {
  await db
    .insertInto('lost_reasons')
    .values({
      workspace_id: workspaceId,
      id: r.id,
      name: r.name,
      position: r.position,
      is_active: r.isActive,
    })
    .execute()
}

export async function deleteLostReason(db: Db, workspaceId: string, id: string): Promise<number> {
  const res = await db
    .deleteFrom('lost_reasons')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(res.numDeletedRows)
}
