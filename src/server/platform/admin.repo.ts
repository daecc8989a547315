import { sql } from 'kysely'
import type { Db } from '../db/client'
import { isUuid } from '../lib/ids'

/** A workspace by id, or by name (case-insensitive) when the name is unique. */
export async function findWorkspacesByRef(db: Db, ref: string) {
  let q = db.selectFrom('workspaces').select(['id', 'name'])
  q = isUuid(ref) ? q.where('id', '=', ref) : q.where(sql<boolean>`lower(name) = lower(${ref})`)
  return q.orderBy('created_at').limit(2).execute()
}
