import { sql, type Selectable } from 'kysely'
import type { DuplicateObjectType, DuplicateRecord } from '../../../shared/duplicates.schema'
import type { Db } from '../../db/client'
import type { DuplicateCandidatesTable } from '../../db/schema'

// The review queue: pages of candidate pairs whose records are still there (and visible to the
// reader), what the queue shows of each record, and the dismiss / reopen decisions.

export type CandidateRow = Selectable<DuplicateCandidatesTable>

export type CandidateFilter = {
  objectTypes: DuplicateObjectType[]
  status: string
  minScore: number
  recordId?: string
  /** Owners whose records the reader sees; null for everyone's. */
  ownerIds: string[] | null
  after?: { score: number; id: string }
}

function liveAndVisible(table: 'contacts' | 'companies', f: CandidateFilter) {
  // A merged pair's records are gone by design; the other statuses show live records only.
  const live = f.status === 'merged' ? sql`true` : sql`r.deleted_at is null`
  const owners = f.ownerIds ? sql`r.owner_id = any(${f.ownerIds}::uuid[])` : sql`true`
  return sql`(select count(*) from ${sql.table(table)} r
    where r.workspace_id = d.workspace_id and r.id in (d.record_a, d.record_b)
      and ${live} and ${owners}) = 2`
}

export async function listCandidateRows(
  db: Db,
  workspaceId: string,
  f: CandidateFilter,
  limit: number,
): Promise<CandidateRow[]> {
  let q = db
    .selectFrom('duplicate_candidates as d')
    .selectAll('d')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.status', '=', f.status)
    .where('d.object_type', 'in', f.objectTypes)
    .where('d.score', '>=', f.minScore)
  if (f.recordId) {
    const id = f.recordId
    q = q.where((eb) => eb.or([eb('d.record_a', '=', id), eb('d.record_b', '=', id)]))
  }
  if (f.after) {
    const { score, id } = f.after
    q = q.where((eb) =>
      eb.or([eb('d.score', '<', score), eb.and([eb('d.score', '=', score), eb('d.id', '>', id)])]),
    )
  }
  const checks = f.objectTypes.map(
    (t) =>
      sql`(d.object_type = ${t} and ${liveAndVisible(t === 'contact' ? 'contacts' : 'companies', f)})`,
  )
  q = q.where(sql<boolean>`(${sql.join(checks, sql` or `)})`)
  return q.orderBy('d.score', 'desc').orderBy('d.id').limit(limit).execute()
}

export async function findCandidate(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<CandidateRow | undefined> {
  return db
    .selectFrom('duplicate_candidates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function setCandidateStatus(
  db: Db,
  workspaceId: string,
  id: string,
  status: 'open' | 'dismissed',
  userId: string,
): Promise<void> {
  await db
    .updateTable('duplicate_candidates')
    .set({
      status,
      decided_by: status === 'open' ? null : userId,
      decided_at: status === 'open' ? null : new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

type SummaryRow = {
  id: string
  name: string
  emails: string[] | null
  phones: string[] | null
  companies: { id: string; name: string }[] | null
  business_id: string | null
  domain: string | null
  city: string | null
  owner_id: string | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

function toRecord(r: SummaryRow): DuplicateRecord {
  return {
    id: r.id,
    name: r.name,
    emails: r.emails ?? [],
    phones: r.phones ?? [],
    companies: r.companies ?? [],
    businessId: r.business_id,
    domain: r.domain,
    city: r.city,
    ownerId: r.owner_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
  }
}

/** What the queue shows of each record, by id. */
export async function loadRecordSummaries(
  db: Db,
  workspaceId: string,
  objectType: DuplicateObjectType,
  ids: string[],
): Promise<Map<string, DuplicateRecord>> {
  if (ids.length === 0) return new Map()
  const rows =
    objectType === 'contact'
      ? await sql<SummaryRow>`
          select c.id, trim(concat_ws(' ', c.first_name, c.last_name)) as name,
            (select array_agg(x->>'address') from jsonb_array_elements(c.emails) x) as emails,
            (select array_agg(x->>'number') from jsonb_array_elements(c.phones) x) as phones,
            (select jsonb_agg(jsonb_build_object('id', co.id, 'name', co.name) order by co.name)
              from contact_companies cc
              join companies co on co.workspace_id = cc.workspace_id and co.id = cc.company_id
              where cc.workspace_id = c.workspace_id and cc.contact_id = c.id) as companies,
            null as business_id, null as domain, nullif(c.address->>'city', '') as city,
            c.owner_id, c.created_at, c.updated_at, c.deleted_at
          from contacts c where c.workspace_id = ${workspaceId} and c.id = any(${ids}::uuid[])`.execute(
          db,
        )
      : await sql<SummaryRow>`
          select c.id, c.name, null as emails, null as phones, null as companies, c.business_id,
            c.domain, (select string_agg(distinct x->>'city', ', ') from jsonb_array_elements(c.addresses) x
              where x->>'city' <> '') as city,
            c.owner_id, c.created_at, c.updated_at, c.deleted_at
          from companies c where c.workspace_id = ${workspaceId} and c.id = any(${ids}::uuid[])`.execute(
          db,
        )
  return new Map(rows.rows.map((r) => [r.id, toRecord(r)]))
}
