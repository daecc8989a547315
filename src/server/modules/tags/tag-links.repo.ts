import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'

export type TagRef = { id: string; name: string; color: string | null }
export type TaggedObject = 'company' | 'contact'

// The two link tables have the same shape; the object decides which one and its key column.
const linkTable = { company: 'company_tags', contact: 'contact_tags' } as const
const linkColumn = { company: 'company_id', contact: 'contact_id' } as const

/**
 * A record's tags as a json array ordered by name, for the select list of the record's own
 * query: the record and its tags come back in one statement instead of two.
 */
export function tagsJson(object: TaggedObject, alias: string): RawBuilder<TagRef[]> {
  return sql<TagRef[]>`coalesce((
    select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by t.name)
    from ${sql.table(linkTable[object])} l
    join tags t on t.workspace_id = l.workspace_id and t.id = l.tag_id
    where l.workspace_id = ${sql.ref(`${alias}.workspace_id`)}
      and l.${sql.ref(linkColumn[object])} = ${sql.ref(`${alias}.id`)}), '[]'::json)`
}

/**
 * The tags of many records by record id, each list ordered by name (as tagsJson): one grouped
 * query for a page of records, where tagsJson would run once per row (exports).
 */
export async function tagsByRecord(
  db: Db,
  object: TaggedObject,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, TagRef[]>> {
  const byRecord = new Map<string, TagRef[]>()
  if (ids.length === 0) return byRecord
  const { rows } = await sql<{ record_id: string } & TagRef>`
    select l.${sql.ref(linkColumn[object])} as record_id, t.id, t.name, t.color
    from ${sql.table(linkTable[object])} l
    join tags t on t.workspace_id = l.workspace_id and t.id = l.tag_id
    where l.workspace_id = ${workspaceId} and l.${sql.ref(linkColumn[object])} = any(${ids}::uuid[])
    order by t.name`.execute(db)
  for (const r of rows) {
    const list = byRecord.get(r.record_id) ?? []
    list.push({ id: r.id, name: r.name, color: r.color })
    byRecord.set(r.record_id, list)
  }
  return byRecord
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
