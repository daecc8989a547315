import { sql } from 'kysely'
import type { Lead } from '../../../shared/leads.schema'
import type { Db } from '../../db/client'
import type { EmailEntry, PhoneEntry } from '../../db/schema'

export type LeadAttrs = {
  status: Lead['status']
  source: string | null
  companyName: string | null
  industry: string | null
  region: string | null
  companySize: string | null
  assignedTeamId: string | null
  fitScore: number
  engagementScore: number
}

export async function insertLeadRow(db: Db, workspaceId: string, contactId: string, a: LeadAttrs) {
  await db
    .insertInto('leads')
    .values({
      workspace_id: workspaceId,
      contact_id: contactId,
      status: a.status,
      source: a.source,
      company_name: a.companyName,
      industry: a.industry,
      region: a.region,
      company_size: a.companySize,
      assigned_team_id: a.assignedTeamId,
      fit_score: a.fitScore,
      engagement_score: a.engagementScore,
    })
    .execute()
}

export async function updateLeadRow(
  db: Db,
  workspaceId: string,
  contactId: string,
  a: Partial<LeadAttrs> & {
    convertedCompanyId?: string | null
    convertedDealId?: string
    convertedAt?: Date
  },
) {
  await db
    .updateTable('leads')
    .set({
      status: a.status,
      source: a.source,
      company_name: a.companyName,
      industry: a.industry,
      region: a.region,
      company_size: a.companySize,
      assigned_team_id: a.assignedTeamId,
      fit_score: a.fitScore,
      engagement_score: a.engagementScore,
      converted_company_id: a.convertedCompanyId,
      converted_deal_id: a.convertedDealId,
      converted_at: a.convertedAt,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute()
}

type Row = {
  contact_id: string
  first_name: string | null
  last_name: string | null
  emails: EmailEntry[]
  phones: PhoneEntry[]
  title: string | null
  owner_id: string | null
  status: string
  source: string | null
  company_name: string | null
  industry: string | null
  region: string | null
  company_size: string | null
  assigned_team_id: string | null
  fit_score: number
  engagement_score: number
  converted_company_id: string | null
  converted_deal_id: string | null
  converted_at: Date | null
  created_at: Date
  updated_at: Date
}

function toLead(r: Row): Lead {
  return {
    id: r.contact_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.emails[0]?.address ?? null,
    phone: r.phones[0]?.number ?? null,
    title: r.title,
    companyName: r.company_name,
    industry: r.industry,
    region: r.region,
    companySize: r.company_size,
    source: r.source,
    status: r.status as Lead['status'],
    ownerId: r.owner_id,
    assignedTeamId: r.assigned_team_id,
    fitScore: r.fit_score,
    engagementScore: r.engagement_score,
    score: r.fit_score + r.engagement_score,
    convertedCompanyId: r.converted_company_id,
    convertedDealId: r.converted_deal_id,
    convertedAt: r.converted_at ? r.converted_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

export async function findLeads(
  db: Db,
  workspaceId: string,
  f: {
    ids?: string[]
    status?: string
    ownerId?: string
    ownerIds: string[] | null
    limit?: number
    forUpdate?: boolean
  },
): Promise<Lead[]> {
  if (f.ids?.length === 0) return []
  if (f.forUpdate && f.ids)
    await db
      .selectFrom('leads')
      .select('contact_id')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', f.ids)
      .forUpdate()
      .execute()
  const r = await sql<Row>`
    select l.*, c.first_name, c.last_name, c.emails, c.phones, c.title, c.owner_id
    from leads l join contacts c on c.workspace_id = l.workspace_id and c.id = l.contact_id
    where l.workspace_id = ${workspaceId} and c.deleted_at is null
      ${f.ids ? sql`and l.contact_id = any(${f.ids}::uuid[])` : sql``}
      ${f.status ? sql`and l.status = ${f.status}` : sql``}
      ${f.ownerId ? sql`and c.owner_id = ${f.ownerId}` : sql``}
      ${f.ownerIds ? sql`and c.owner_id = any(${f.ownerIds}::uuid[])` : sql``}
    order by (l.fit_score + l.engagement_score) desc, l.created_at desc
    limit ${f.limit ?? 500}`.execute(db)
  return r.rows.map(toLead)
}

/** Activities on the lead's contact, counted by type (engagement). */
export async function activityCounts(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('activities')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .groupBy('type')
    .execute()
  return new Map(rows.map((r) => [r.type, Number(r.n)]))
}

/** The contact becomes a prospect when its lead converts; the record and its history stay. */
export async function setContactLifecycle(
  db: Db,
  workspaceId: string,
  contactId: string,
  stage: string,
) {
  await db
    .updateTable('contacts')
    .set({ lifecycle_stage: stage, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .execute()
}

export async function allLeadIds(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('leads')
    .select('contact_id')
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'converted')
    .execute()
  return rows.map((r) => r.contact_id)
}

export async function setContactOwner(
  db: Db,
  workspaceId: string,
  contactId: string,
  ownerId: string | null,
) {
  await db
    .updateTable('contacts')
    .set({ owner_id: ownerId, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .execute()
}

/**
 * Activities of every open lead counted by lead and type, in one query (a preview of scoring
 * rules needs them all; one query per lead would be thousands).
 */
export async function openLeadActivityCounts(
  db: Db,
  workspaceId: string,
): Promise<Map<string, Map<string, number>>> {
  const r = await sql<{ contact_id: string; type: string; n: string }>`
    select a.contact_id, a.type, count(*) as n
    from activities a
    join leads l on l.workspace_id = a.workspace_id and l.contact_id = a.contact_id
    where a.workspace_id = ${workspaceId} and a.deleted_at is null and l.status <> 'converted'
    group by a.contact_id, a.type`.execute(db)
  const out = new Map<string, Map<string, number>>()
  for (const row of r.rows) {
    const counts = out.get(row.contact_id) ?? new Map<string, number>()
    counts.set(row.type, Number(row.n))
    out.set(row.contact_id, counts)
  }
  return out
}

/** Writes new scores in one statement; leads whose scores stay the same are left untouched. */
export async function setLeadScores(
  db: Db,
  workspaceId: string,
  scores: { id: string; fitScore: number; engagementScore: number }[],
) {
  if (scores.length === 0) return
  await sql`
    update leads l
    set fit_score = s.fit, engagement_score = s.engagement, updated_at = now()
    from unnest(
      ${scores.map((s) => s.id)}::uuid[],
      ${scores.map((s) => s.fitScore)}::int[],
      ${scores.map((s) => s.engagementScore)}::int[]
    ) s(id, fit, engagement)
    where l.workspace_id = ${workspaceId} and l.contact_id = s.id
      and (l.fit_score <> s.fit or l.engagement_score <> s.engagement)`.execute(db)
}
