import { sql } from 'kysely'
import type { ActivityTarget, Quota } from '../../../shared/forecast.schema'
import type { Db } from '../../db/client'

export async function upsertQuota(
  db: Db,
  workspaceId: string,
  q: Omit<Quota, 'id'> & { id: string },
) {
  const r = await db
    .insertInto('quotas')
    .values({
      workspace_id: workspaceId,
      id: q.id,
      user_id: q.userId,
      period: q.period,
      period_start: q.periodStart,
      amount: q.amount,
      currency: q.currency,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'user_id', 'period', 'period_start']).doUpdateSet({
        amount: q.amount,
        currency: q.currency,
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function listQuotaRows(
  db: Db,
  workspaceId: string,
  userIds: string[] | null,
): Promise<Quota[]> {
  let q = db.selectFrom('quotas').selectAll().where('workspace_id', '=', workspaceId)
  if (userIds)
    q = q.where(
      'user_id',
      'in',
      userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000'],
    )
  const rows = await q.orderBy('period_start', 'desc').limit(2000).execute()
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    period: r.period as Quota['period'],
    periodStart: r.period_start,
    amount: Number(r.amount),
    currency: r.currency,
  }))
}

export async function deleteQuotaRow(db: Db, workspaceId: string, id: string): Promise<number> {
  const r = await db
    .deleteFrom('quotas')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}

export async function upsertActivityTarget(db: Db, workspaceId: string, t: ActivityTarget) {
  const values = { calls: t.calls, meetings: t.meetings, emails: t.emails, new_deals: t.newDeals }
  await db
    .insertInto('activity_targets')
    .values({ workspace_id: workspaceId, user_id: t.userId, ...values })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'user_id']).doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute()
}

export async function listActivityTargets(db: Db, workspaceId: string): Promise<ActivityTarget[]> {
  const rows = await db
    .selectFrom('activity_targets')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute()
  return rows.map((r) => ({
    userId: r.user_id,
    calls: r.calls,
    meetings: r.meetings,
    emails: r.emails,
    newDeals: r.new_deals,
  }))
}

export type DoneRow = {
  user_id: string
  week: string
  calls: number
  meetings: number
  emails: number
  new_deals: number
}

/** Calls, meetings and emails done (by assignee, else creator) and deals created, per ISO week. */
export async function activityDone(
  db: Db,
  workspaceId: string,
  from: string,
  userIds: string[] | null,
): Promise<DoneRow[]> {
  const users = userIds ? sql`and u = any(${userIds}::uuid[])` : sql``
  const r = await sql<DoneRow>`
    with acts as (
      select coalesce(a.assignee_id, a.created_by) as u,
        date_trunc('week', coalesce(a.occurred_at, a.created_at) at time zone 'Europe/Helsinki')::date as week,
        a.type
      from activities a
      where a.workspace_id = ${workspaceId} and a.deleted_at is null and a.type in ('call', 'meeting', 'email')
        and coalesce(a.occurred_at, a.created_at) >= ${from}::date
    ), created as (
      select coalesce(d.owner_id, d.created_by) as u,
        date_trunc('week', d.created_at at time zone 'Europe/Helsinki')::date as week
      from deals d
      where d.workspace_id = ${workspaceId} and d.deleted_at is null and d.created_at >= ${from}::date
    ), all_rows as (
      select u, week, type from acts
      union all select u, week, 'deal' from created
    )
    select u as user_id, week::text as week,
      count(*) filter (where type = 'call')::int as calls,
      count(*) filter (where type = 'meeting')::int as meetings,
      count(*) filter (where type = 'email')::int as emails,
      count(*) filter (where type = 'deal')::int as new_deals
    from all_rows where u is not null ${users}
    group by u, week`.execute(db)
  return r.rows
}

export async function memberNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.workspace_id', '=', workspaceId)
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Open deals with no open task on their company or on any of their contacts. */
export async function dealsWithoutNextStep(db: Db, workspaceId: string, ownerIds: string[] | null) {
  const r = await sql<{ id: string; title: string; owner_id: string | null; stage_name: string }>`
    select d.id, d.title, d.owner_id, s.name as stage_name
    from deals d join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
    where d.workspace_id = ${workspaceId} and d.status = 'open' and d.deleted_at is null
      ${ownerIds ? sql`and d.owner_id = any(${ownerIds}::uuid[])` : sql``}
      and not exists (
        select 1 from activities a
        where a.workspace_id = d.workspace_id and a.type = 'task' and a.done_at is null and a.deleted_at is null
          and (a.company_id = d.company_id or a.contact_id in (
            select dc.contact_id from deal_contacts dc where dc.workspace_id = d.workspace_id and dc.deal_id = d.id)))
    order by d.updated_at
    limit 100`.execute(db)
  return r.rows
}

export async function rottingDeals(db: Db, workspaceId: string, ownerIds: string[] | null) {
  const r = await sql<{
    id: string
    title: string
    owner_id: string | null
    stage_name: string
    idle_days: number
  }>`
    select d.id, d.title, d.owner_id, s.name as stage_name,
      floor(extract(epoch from now() - d.updated_at) / 86400)::int as idle_days
    from deals d join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
    where d.workspace_id = ${workspaceId} and d.status = 'open' and d.deleted_at is null
      and s.rotting_days is not null and d.updated_at < now() - make_interval(days => s.rotting_days)
      ${ownerIds ? sql`and d.owner_id = any(${ownerIds}::uuid[])` : sql``}
    order by d.updated_at
    limit 100`.execute(db)
  return r.rows
}
