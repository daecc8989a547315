import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import { newId } from '../../lib/ids'

// SQL of erasure. The caller's transaction has set suhde.allow_history_rewrite, so the
// append-only history (timeline, audit, consent proof) may be anonymised for this person only.

export const erasedMark = '[erased]'

export async function contactActivityIds(db: Db, workspaceId: string, contactId: string) {
  const rows = await db
    .selectFrom('activities')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute()
  return rows.map((r) => r.id)
}

/** Blanks every personal field of the contact and the texts of their activities. */
export async function blankContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  erasedAt: Date,
): Promise<number> {
  await db
    .updateTable('contacts')
    .set({
      first_name: null,
      last_name: null,
      emails: '[]',
      phones: '[]',
      title: null,
      language: null,
      birth_date: null,
      gender: null,
      interests: [],
      address: null,
      source: '{}',
      custom: '{}',
      search_text: '',
      updated_at: new Date(),
      erased_at: erasedAt,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .execute()
  await db
    .updateTable('contact_companies')
    .set({ role: null })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute()
  // Type, dates and durations stay for statistics; what was said goes.
  const r = await db
    .updateTable('activities')
    .set({ subject: erasedMark, body: null, custom: '{}', search_text: '', updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** History of the person's records keeps which fields changed, never the values. */
export async function anonymiseHistory(
  db: Db,
  workspaceId: string,
  contactId: string,
  activityIds: string[],
): Promise<void> {
  const ids = [contactId, ...activityIds]
  await sql`
    update timeline_events set changes = (
      select coalesce(jsonb_agg(jsonb_build_object('field', c->>'field', 'old', null, 'new', null)), '[]'::jsonb)
      from jsonb_array_elements(changes) c)
    where workspace_id = ${workspaceId} and record_id = any(${ids}::uuid[])
      and changes is not null and jsonb_typeof(changes) = 'array'`.execute(db)
  await db
    .updateTable('consent_events')
    .set({ ip: null, user_agent: null, note: null })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute()
  await db
    .updateTable('privacy_links')
    .set({ revoked_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('revoked_at', 'is', null)
    .execute()
}

type Column = { table: string; column: string; type: string }

/** Text and jsonb columns of every table that belongs to a workspace. */
export async function workspaceTextColumns(db: Db): Promise<Column[]> {
  const r = await sql<Column>`
    select c.table_name as "table", c.column_name as "column", c.data_type as "type"
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'jsonb') and c.is_generated = 'NEVER'
      and exists (select 1 from information_schema.columns w where w.table_schema = 'public'
        and w.table_name = c.table_name and w.column_name = 'workspace_id')
    order by 1, 2`.execute(db)
  return r.rows
}

const jsonEscaped = (v: string) => JSON.stringify(v).slice(1, -1)

/**
 * Replaces each value wherever it occurs in the column, within the workspace and, when
 * `scope` is given, only in those rows. Values in jsonb are matched in their JSON-escaped form.
 */
export async function scrubColumn(
  db: Db,
  col: Column,
  workspaceId: string,
  values: string[],
  scope?: RawBuilder<unknown>,
): Promise<void> {
  const t = sql.table(col.table)
  const c = sql.ref(col.column)
  const where = scope ? sql`and ${scope}` : sql``
  for (const value of values) {
    if (col.type === 'jsonb') {
      const v = jsonEscaped(value)
      await sql`update ${t} set ${c} = replace(${c}::text, ${v}, ${erasedMark})::jsonb
        where workspace_id = ${workspaceId} and strpos(${c}::text, ${v}) > 0 ${where}`.execute(db)
    } else {
      await sql`update ${t} set ${c} = replace(${c}, ${value}, ${erasedMark})
        where workspace_id = ${workspaceId} and strpos(${c}, ${value}) > 0 ${where}`.execute(db)
    }
  }
}

export async function insertErasedSubjects(
  db: Db,
  workspaceId: string,
  contactId: string,
  hashes: { kind: 'email' | 'phone'; hash: string }[],
  reason: 'request' | 'retention' | 'preference_centre',
  erasedAt: Date,
): Promise<Date> {
  await db
    .insertInto('erased_subjects')
    .values([
      {
        workspace_id: workspaceId,
        id: newId(),
        contact_id: contactId,
        kind: 'contact',
        value_hash: null,
        reason,
        erased_at: erasedAt,
      },
      ...hashes.map((h) => ({
        workspace_id: workspaceId,
        id: newId(),
        contact_id: null,
        kind: h.kind,
        value_hash: h.hash,
        reason,
        erased_at: erasedAt,
      })),
    ])
    .execute()
  return erasedAt
}

export async function isErased(db: Db, workspaceId: string, contactId: string): Promise<boolean> {
  const r = await db
    .selectFrom('erased_subjects')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('kind', '=', 'contact')
    .executeTakeFirst()
  return r !== undefined
}

export async function findErasedHashes(db: Db, workspaceId: string, hashes: string[]) {
  if (hashes.length === 0) return []
  return db
    .selectFrom('erased_subjects')
    .select(['kind', 'value_hash', 'erased_at'])
    .where('workspace_id', '=', workspaceId)
    .where('value_hash', 'in', hashes)
    .execute()
}

/** Whether the workspace has erased anyone's email or phone (most have not: no hashing then). */
export async function hasErasedHashes(db: Db, workspaceId: string): Promise<boolean> {
  const r = await db
    .selectFrom('erased_subjects')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('value_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst()
  return r !== undefined
}
