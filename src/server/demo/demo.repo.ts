import { sql } from 'kysely'
import type { Db } from '../db/client'

// Demo rows go in as one jsonb array per chunk, unpacked by jsonb_to_recordset: one statement
// and one round trip per few thousand rows, on PGlite and on a server alike.

type Rows = readonly Record<string, unknown>[]
const json = (rows: Rows) => JSON.stringify(rows)

export async function insertDemoCompanies(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into companies (workspace_id, id, name, business_id, vat_id, domain, industry, size,
      addresses, tier, lifecycle_stage, owner_id, parent_id, search_text, created_at, updated_at)
    select ${workspaceId}::uuid, id, name, business_id, vat_id, domain, industry, size,
      addresses, tier, lifecycle_stage, owner_id, parent_id, search_text, created_at, updated_at
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, name text, business_id text,
      vat_id text, domain text, industry text, size text, addresses jsonb, tier text,
      lifecycle_stage text, owner_id uuid, parent_id uuid, search_text text,
      created_at timestamptz, updated_at timestamptz)`.execute(db)
}

export async function insertDemoContacts(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into contacts (workspace_id, id, first_name, last_name, emails, phones, title, language,
      gender, interests, lifecycle_stage, owner_id, source, search_text, created_at, updated_at)
    select ${workspaceId}::uuid, id, first_name, last_name, emails, phones, title, language,
      gender, interests, lifecycle_stage, owner_id, source, search_text, created_at, updated_at
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, first_name text, last_name text,
      emails jsonb, phones jsonb, title text, language text, gender text, interests text[],
      lifecycle_stage text, owner_id uuid, source jsonb, search_text text,
      created_at timestamptz, updated_at timestamptz)`.execute(db)
}

export async function insertDemoContactCompanies(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into contact_companies (workspace_id, contact_id, company_id, role, is_primary)
    select ${workspaceId}::uuid, contact_id, company_id, role, is_primary
    from jsonb_to_recordset(${json(rows)}::jsonb)
      as x(contact_id uuid, company_id uuid, role text, is_primary boolean)`.execute(db)
}

export async function insertDemoTagLinks(
  db: Db,
  workspaceId: string,
  kind: 'company' | 'contact',
  rows: readonly { record_id: string; tag_id: string }[],
) {
  if (!rows.length) return
  const table = sql.table(kind === 'company' ? 'company_tags' : 'contact_tags')
  const column = sql.ref(kind === 'company' ? 'company_id' : 'contact_id')
  await sql`
    insert into ${table} (workspace_id, ${column}, tag_id)
    select ${workspaceId}::uuid, record_id, tag_id
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(record_id uuid, tag_id uuid)`.execute(db)
}

export async function insertDemoActivities(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into activities (workspace_id, id, type, subject, body, occurred_at, due_at, done_at,
      duration_minutes, assignee_id, company_id, contact_id, search_text, created_at, updated_at)
    select ${workspaceId}::uuid, id, type, subject, body, occurred_at, due_at, done_at,
      duration_minutes, assignee_id, company_id, contact_id, search_text, created_at, updated_at
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, type text, subject text,
      body text, occurred_at timestamptz, due_at timestamptz, done_at timestamptz,
      duration_minutes int, assignee_id uuid, company_id uuid, contact_id uuid, search_text text,
      created_at timestamptz, updated_at timestamptz)`.execute(db)
}

export async function insertDemoTags(
  db: Db,
  workspaceId: string,
  tags: readonly { id: string; name: string; color: string }[],
) {
  await db
    .insertInto('tags')
    .values(tags.map((t) => ({ workspace_id: workspaceId, ...t })))
    .execute()
}

export async function insertDemoTeam(
  db: Db,
  workspaceId: string,
  team: { id: string; name: string; userIds: string[] },
) {
  await db
    .insertInto('teams')
    .values({ workspace_id: workspaceId, id: team.id, name: team.name })
    .execute()
  if (!team.userIds.length) return
  await db
    .insertInto('team_members')
    .values(team.userIds.map((u) => ({ workspace_id: workspaceId, team_id: team.id, user_id: u })))
    .execute()
}
