import type { Db } from '../../db/client'
import type { Workspace } from '../../../shared/workspaces.schema'

type Row = {
  id: string
  name: string
  currency: string
  time_zone: string
  language: string
  created_at: Date
  updated_at: Date
}

function toWorkspace(r: Row): Workspace {
  return {
    id: r.id,
    name: r.name,
    currency: r.currency,
    timeZone: r.time_zone,
    language: r.language as 'fi' | 'en',
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

export async function insertWorkspace(
  db: Db,
  w: { id: string; name: string; language?: 'fi' | 'en' },
): Promise<void> {
  await db
    .insertInto('workspaces')
    .values({ id: w.id, name: w.name, language: w.language ?? 'fi' })
    .execute()
}

export async function findWorkspace(db: Db, id: string): Promise<Workspace | undefined> {
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toWorkspace(row) : undefined
}

export async function updateWorkspace(
  db: Db,
  id: string,
  patch: { name?: string; currency?: string; timeZone?: string; language?: string },
): Promise<Workspace | undefined> {
  const row = await db
    .updateTable('workspaces')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
      ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row ? toWorkspace(row) : undefined
}

export async function countWorkspaces(db: Db): Promise<number> {
  const row = await db
    .selectFrom('workspaces')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listUserWorkspaces(db: Db, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['w.id', 'w.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('w.name')
    .execute()
}
