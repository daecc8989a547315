import { sql, type RawBuilder, type Selectable } from 'kysely'
import type { Db } from '../../db/client'
import type { MergesTable } from '../../db/schema'

// SQL of merges. A merge writes across modules in one transaction (like lead conversion): the
// rows that point at a merged record are pointed at the survivor. Append-only history (timeline
// events, consent proof) is copied to the survivor rather than rewritten; the originals stay
// with the merged record.

export type MergeRow = Selectable<MergesTable>
type Moved = Record<string, number>
type Target = { workspaceId: string; survivorId: string; mergedIds: string[] }

async function exec(db: Db, q: RawBuilder<unknown>): Promise<number> {
  const r = await q.execute(db)
  return Number(r.numAffectedRows ?? 0)
}

/** Copies the merged records' timeline to the survivor, each event marked with its origin. */
async function copyTimeline(db: Db, t: Target, objectType: string): Promise<number> {
  return exec(
    db,
    sql`insert into timeline_events (workspace_id, id, object_type, record_id, event_type, changes,
        data, actor_user_id, actor_api_key_id, request_id, created_at)
      select workspace_id, gen_random_uuid(), object_type, ${t.survivorId}::uuid, event_type,
        changes, coalesce(data, '{}'::jsonb) || jsonb_build_object('mergedFrom', record_id),
        actor_user_id, actor_api_key_id, request_id, created_at
      from timeline_events
      where workspace_id = ${t.workspaceId} and object_type = ${objectType}
        and record_id = any(${t.mergedIds}::uuid[])`,
  )
}

/** Moves what hangs on merged contacts to the survivor; returns how many rows moved, by kind. */
export async function moveContactLinks(db: Db, t: Target): Promise<Moved> {
  const { workspaceId: ws, survivorId: s, mergedIds: ids } = t
  const moved: Moved = { companies: 0, deals: 0, leads: 0 }
  // One merged record at a time, so each sees what the previous one moved: the survivor keeps
  // one link per company and deal, at most one primary company, and one lead row.
  for (const id of ids) {
    moved.companies! += await exec(
      db,
      sql`update contact_companies l set contact_id = ${s},
          is_primary = l.is_primary and not exists (select 1 from contact_companies p
            where p.workspace_id = ${ws} and p.contact_id = ${s} and p.is_primary)
        where l.workspace_id = ${ws} and l.contact_id = ${id}
          and not exists (select 1 from contact_companies x where x.workspace_id = ${ws}
            and x.contact_id = ${s} and x.company_id = l.company_id)`,
    )
    moved.deals! += await exec(
      db,
      sql`update deal_contacts l set contact_id = ${s}
        where l.workspace_id = ${ws} and l.contact_id = ${id}
          and not exists (select 1 from deal_contacts x where x.workspace_id = ${ws}
            and x.contact_id = ${s} and x.deal_id = l.deal_id)`,
    )
    moved.leads! += await exec(
      db,
      sql`update leads set contact_id = ${s} where workspace_id = ${ws} and contact_id = ${id}
        and not exists (select 1 from leads x where x.workspace_id = ${ws} and x.contact_id = ${s})`,
    )
  }
  // What stayed behind duplicates a link of the survivor.
  await sql`delete from contact_companies where workspace_id = ${ws} and contact_id = any(${ids}::uuid[])`.execute(
    db,
  )
  await sql`delete from deal_contacts where workspace_id = ${ws} and contact_id = any(${ids}::uuid[])`.execute(
    db,
  )
  const any = sql`workspace_id = ${ws} and contact_id = any(${ids}::uuid[])`
  moved.activities = await exec(db, sql`update activities set contact_id = ${s} where ${any}`)
  moved.privacyLinks = await exec(db, sql`update privacy_links set contact_id = ${s} where ${any}`)
  moved.privacyRequests = await exec(
    db,
    sql`update privacy_requests set contact_id = ${s} where ${any}`,
  )
  moved.consents = await exec(
    db,
    sql`insert into consent_events (workspace_id, id, contact_id, purpose_id, status, channels,
        occurred_at, source, text_version, ip, user_agent, confirmed_at, note, actor_user_id,
        actor_api_key_id, created_at)
      select workspace_id, gen_random_uuid(), ${s}::uuid, purpose_id, status, channels,
        occurred_at, source, text_version, ip, user_agent, confirmed_at, note, actor_user_id,
        actor_api_key_id, created_at
      from consent_events where ${any}`,
  )
  moved.timelineEvents = await copyTimeline(db, t, 'contact')
  return moved
}

/** Moves what hangs on merged companies to the survivor; returns how many rows moved, by kind. */
export async function moveCompanyLinks(db: Db, t: Target): Promise<Moved> {
  const { workspaceId: ws, survivorId: s, mergedIds: ids } = t
  const moved: Moved = { contacts: 0 }
  for (const id of ids) {
    moved.contacts! += await exec(
      db,
      sql`update contact_companies l set company_id = ${s}
        where l.workspace_id = ${ws} and l.company_id = ${id}
          and not exists (select 1 from contact_companies x where x.workspace_id = ${ws}
            and x.contact_id = l.contact_id and x.company_id = ${s})`,
    )
    // A contact linked to both keeps one link, primary when either was.
    await sql`update contact_companies l set is_primary = true
      where l.workspace_id = ${ws} and l.company_id = ${s} and not l.is_primary
        and exists (select 1 from contact_companies x where x.workspace_id = ${ws}
          and x.contact_id = l.contact_id and x.company_id = ${id} and x.is_primary)`.execute(db)
  }
  await sql`delete from contact_companies where workspace_id = ${ws} and company_id = any(${ids}::uuid[])`.execute(
    db,
  )
  const any = (col: string) => sql`workspace_id = ${ws} and ${sql.ref(col)} = any(${ids}::uuid[])`
  moved.activities = await exec(
    db,
    sql`update activities set company_id = ${s} where ${any('company_id')}`,
  )
  moved.deals = await exec(db, sql`update deals set company_id = ${s} where ${any('company_id')}`)
  moved.subsidiaries = await exec(
    db,
    sql`update companies set parent_id = ${s}, updated_at = now()
      where ${any('parent_id')} and id <> ${s}`,
  )
  moved.leads = await exec(
    db,
    sql`update leads set converted_company_id = ${s} where ${any('converted_company_id')}`,
  )
  moved.timelineEvents = await copyTimeline(db, t, 'company')
  return moved
}

/** How many rows point at the records to be merged, for the preview. */
export async function countLinks(
  db: Db,
  objectType: 'contact' | 'company',
  t: Target,
): Promise<Record<string, number>> {
  const ws = t.workspaceId
  const ids = sql`${t.mergedIds}::uuid[]`
  const n = (table: string, col: string) =>
    sql<number>`(select count(*)::int from ${sql.table(table)}
      where workspace_id = ${ws} and ${sql.ref(col)} = any(${ids}))`
  const parts =
    objectType === 'contact'
      ? {
          activities: n('activities', 'contact_id'),
          deals: n('deal_contacts', 'contact_id'),
          companies: n('contact_companies', 'contact_id'),
          consents: n('consent_events', 'contact_id'),
          privacyRequests: n('privacy_requests', 'contact_id'),
          timelineEvents: sql<number>`(select count(*)::int from timeline_events
            where workspace_id = ${ws} and object_type = 'contact' and record_id = any(${ids}))`,
        }
      : {
          activities: n('activities', 'company_id'),
          deals: n('deals', 'company_id'),
          contacts: n('contact_companies', 'company_id'),
          subsidiaries: n('companies', 'parent_id'),
          timelineEvents: sql<number>`(select count(*)::int from timeline_events
            where workspace_id = ${ws} and object_type = 'company' and record_id = any(${ids}))`,
        }
  const entries = Object.entries(parts)
  const r = await sql<Record<string, number>>`select ${sql.join(
    entries.map(([k, q]) => sql`${q} as ${sql.id(k)}`),
  )}`.execute(db)
  return r.rows[0] ?? {}
}

export async function insertMerge(
  db: Db,
  m: {
    workspaceId: string
    id: string
    objectType: string
    survivorId: string
    mergedIds: string[]
    fields: Record<string, string>
    moved: Moved
    createdBy: string | null
  },
): Promise<void> {
  await db
    .insertInto('merges')
    .values({
      workspace_id: m.workspaceId,
      id: m.id,
      object_type: m.objectType,
      survivor_id: m.survivorId,
      merged_ids: m.mergedIds,
      fields: JSON.stringify(m.fields),
      moved: JSON.stringify(m.moved),
      created_by: m.createdBy,
    })
    .execute()
  // Earlier merges into a record merged now point on to the new survivor: one hop, always.
  await db
    .updateTable('merged_records')
    .set({ survivor_id: m.survivorId })
    .where('workspace_id', '=', m.workspaceId)
    .where('object_type', '=', m.objectType)
    .where('survivor_id', 'in', m.mergedIds)
    .execute()
  await db
    .insertInto('merged_records')
    .values(
      m.mergedIds.map((id) => ({
        workspace_id: m.workspaceId,
        object_type: m.objectType,
        record_id: id,
        survivor_id: m.survivorId,
        merge_id: m.id,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'object_type', 'record_id'])
        .doUpdateSet({ survivor_id: m.survivorId, merge_id: m.id }),
    )
    .execute()
}

export async function findMerge(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<MergeRow | undefined> {
  return db
    .selectFrom('merges')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The survivor a merged record points to, if it was merged. */
export async function findSurvivorId(
  db: Db,
  workspaceId: string,
  objectType: string,
  recordId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('merged_records')
    .select('survivor_id')
    .where('workspace_id', '=', workspaceId)
    .where('object_type', '=', objectType)
    .where('record_id', '=', recordId)
    .executeTakeFirst()
  return row?.survivor_id
}

/**
 * Pairs inside the merged set become 'merged'; open pairs of a merged record with anyone else
 * go (the next scan finds them again with the survivor if they still match).
 */
export async function settleCandidates(
  db: Db,
  t: Target & { objectType: string; userId: string },
): Promise<void> {
  const all = [t.survivorId, ...t.mergedIds]
  await db
    .updateTable('duplicate_candidates')
    .set({ status: 'merged', decided_by: t.userId, decided_at: new Date() })
    .where('workspace_id', '=', t.workspaceId)
    .where('object_type', '=', t.objectType)
    .where('record_a', 'in', all)
    .where('record_b', 'in', all)
    .execute()
  await db
    .deleteFrom('duplicate_candidates')
    .where('workspace_id', '=', t.workspaceId)
    .where('object_type', '=', t.objectType)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('record_a', 'in', t.mergedIds), eb('record_b', 'in', t.mergedIds)]))
    .execute()
}
