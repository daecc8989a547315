import { sql, type Selectable } from 'kysely'
import type { Tag } from '../../../shared/tags.schema'
import type { Db } from '../../db/client'
import type { TagsTable } from '../../db/schema'
import type { TaggedObject } from './tag-links.repo'

type Row = Selectable<TagsTable> & { company_count?: unknown; contact_count?: unknown }

// Same mapping as tag-links.repo: each tagged object has its link table and key column.
const recordTable = { company: 'companies', contact: 'contacts' } as const
const linkTable = { company: 'company_tags', contact: 'contact_tags' } as const
const linkColumn = { company: 'company_id', contact: 'contact_id' } as const

function toTag(r: Row): Tag {
  return {
    id: r.id,
    name: r.name,
    color: r.color,
    usage: { company: Number(r.company_count ?? 0), contact: Number(r.contact_count ?? 0) },
    createdAt: r.created_at.toISOString(),
  }
}

/** Tags with how many live (not deleted) companies and contacts carry each. */
export async function listTagRows(db: Db, workspaceId: string, ids?: string[]): Promise<Tag[]> {
  const result = await sql<Row>`
    select t.*,
      (select count(*) from company_tags l join companies c
        on c.workspace_id = l.workspace_id and c.id = l.company_id and c.deleted_at is null
        where l.workspace_id = t.workspace_id and l.tag_id = t.id) as company_count,
      (select count(*) from contact_tags l join contacts c
        on c.workspace_id = l.workspace_id and c.id = l.contact_id and c.deleted_at is null
        where l.workspace_id = t.workspace_id and l.tag_id = t.id) as contact_count
    from tags t
    where t.workspace_id = ${workspaceId} ${ids ? sql`and t.id = any(${ids}::uuid[])` : sql``}
    order by lower(t.name), t.id`.execute(db)
  return result.rows.map(toTag)
}

export async function findTagRow(
  db: Db,
  workspaceId: string,
  id: string,
  forUpdate = false,
): Promise<Tag | undefined> {
  let q = db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && toTag(row)
}

/** The tag holding a name, compared as the unique index does: case-insensitively. */
export async function findTagIdByName(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('tags')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst()
  return row?.id
}

export async function insertTag(
  db: Db,
  workspaceId: string,
  id: string,
  v: { name: string; color: string | null },
): Promise<void> {
  await db
    .insertInto('tags')
    .values({ workspace_id: workspaceId, id, name: v.name, color: v.color })
    .execute()
}

export async function updateTagRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: { name: string; color: string | null },
): Promise<void> {
  await db
    .updateTable('tags')
    .set({ name: v.name, color: v.color })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function deleteTagRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('tags').where('workspace_id', '=', workspaceId).where('id', '=', id).execute()
}

/** Of `ids`, those that exist, are not deleted and are owned by one of `ownerIds` (null: any). */
export async function findVisibleRecordIds(
  db: Db,
  object: TaggedObject,
  workspaceId: string,
  ids: string[],
  ownerIds: string[] | null,
): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select id from ${sql.table(recordTable[object])}
    where workspace_id = ${workspaceId} and id = any(${ids}::uuid[]) and deleted_at is null
    ${ownerIds ? sql`and owner_id = any(${ownerIds}::uuid[])` : sql``}
    for update`.execute(db)
  return result.rows.map((r) => r.id)
}

/** Records carrying the tag: all of them, or only those among `ids`. */
export async function findTaggedRecordIds(
  db: Db,
  object: TaggedObject,
  workspaceId: string,
  tagId: string,
  ids?: string[],
): Promise<string[]> {
  const column = sql.ref(linkColumn[object])
  const result = await sql<{ id: string }>`
    select ${column} as id from ${sql.table(linkTable[object])}
    where workspace_id = ${workspaceId} and tag_id = ${tagId}
    ${ids ? sql`and ${column} = any(${ids}::uuid[])` : sql``}`.execute(db)
  return result.rows.map((r) => r.id)
}
