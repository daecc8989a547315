import { sql } from 'kysely'
import type { Db } from '../../db/client'

export type TagRef = { id: string; name: string; color: string | null }
export type TaggedObject = 'company' | 'contact'

// The two link tables have the same shape; the object decides which one and its key column.
const linkTable = { company: 'company_tags', contact: 'contact_tags' } as const
const linkColumn = { company: 'company_id', contact: 'contact_id' } as const

export async function loadTagsFor(
  db: Db,
  object: TaggedObject,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, TagRef[]>> {
  const out = new Map<string, TagRef[]>()
  if (ids.length === 0) return out
  const rows = await sql<{ record_id: string; id: string; name: string; color: string | null }>`
    select l.${sql.ref(linkColumn[object])} as record_id, t.id, t.name, t.color
    from ${sql.table(linkTable[object])} l
    join tags t on t.workspace_id = l.workspace_id and t.id = l.tag_id
    where l.workspace_id = ${workspaceId} and l.${sql.ref(linkColumn[object])} = any(${ids}::uuid[])
    order by t.name`.execute(db)
  for (const r of rows.rows) {
    const list = out.get(r.record_id) ?? []
    list.push({ id: r.id, name: r.name, color: r.color })
    out.set(r.record_id, list)
  }
  return out
}

/** Adds tags to records; links that exist already are kept. */
export async function addTagLinks(
  db: Db,
  object: TaggedObject,
  workspaceId: string,
  recordIds: string[],
  tagIds: string[],
): Promise<void> {
  if (recordIds.length === 0 || tagIds.length === 0) return
  await sql`
    insert into ${sql.table(linkTable[object])} (workspace_id, ${sql.ref(linkColumn[object])}, tag_id)
    select ${workspaceId}::uuid, r, t from unnest(${recordIds}::uuid[]) r cross join unnest(${tagIds}::uuid[]) t
    on conflict do nothing`.execute(db)
}

export async function removeTagLinks(
  db: Db,
  object: TaggedObject,
  workspaceId: string,
  recordIds: string[],
  tagIds: string[],
): Promise<void> {
  if (recordIds.length === 0 || tagIds.length === 0) return
  await sql`
    delete from ${sql.table(linkTable[object])}
    where workspace_id = ${workspaceId} and ${sql.ref(linkColumn[object])} = any(${recordIds}::uuid[]) and tag_id = any(${tagIds}::uuid[])`.execute(
    db,
  )
}

/** Makes a record's tags exactly `tagIds`. */
export async function replaceTagLinks(
  db: Db,
  object: TaggedObject,
  workspaceId: string,
  recordId: string,
  tagIds: string[],
): Promise<void> {
  await sql`
    delete from ${sql.table(linkTable[object])}
    where workspace_id = ${workspaceId} and ${sql.ref(linkColumn[object])} = ${recordId} and not (tag_id = any(${tagIds}::uuid[]))`.execute(
    db,
  )
  await addTagLinks(db, object, workspaceId, [recordId], tagIds)
}
