import { sql, type Selectable } from 'kysely'
import type { RetentionPolicy, RetentionRun } from '../../../shared/privacy.schema'
import type { Db } from '../../db/client'
import type { RetentionPoliciesTable, RetentionRunsTable } from '../../db/schema'

type Row = Selectable<RetentionPoliciesTable> & { last_run_at?: Date | null }

export function toPolicy(r: Row): RetentionPolicy {
  return {
    id: r.id,
    name: r.name,
    objectType: 'contact',
    lifecycleStage: r.lifecycle_stage as RetentionPolicy['lifecycleStage'],
    inactiveMonths: r.inactive_months,
    action: 'anonymise',
    isActive: r.is_active,
    lastRunAt: r.last_run_at ? new Date(r.last_run_at).toISOString() : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

function toRun(r: Selectable<RetentionRunsTable>): RetentionRun {
  return {
    id: r.id,
    policyId: r.policy_id,
    trigger: r.trigger as RetentionRun['trigger'],
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    affectedCount: r.affected_count,
    recordIds: r.record_ids,
    status: r.status as RetentionRun['status'],
    error: r.error,
  }
}

const lastRun = sql<Date | null>`(select max(r.started_at) from retention_runs r
  where r.workspace_id = p.workspace_id and r.policy_id = p.id)`

export async function listPolicyRows(db: Db, workspaceId: string | null, onlyActive = false) {
  let q = db.selectFrom('retention_policies as p').selectAll('p').select(lastRun.as('last_run_at'))
  if (workspaceId) q = q.where('p.workspace_id', '=', workspaceId)
  if (onlyActive) q = q.where('p.is_active', '=', true)
  const rows = await q.orderBy('p.created_at').execute()
  return rows.map((r) => ({ workspaceId: r.workspace_id, policy: toPolicy(r) }))
}

export async function findPolicy(db: Db, workspaceId: string, id: string) {
  const r = await db
    .selectFrom('retention_policies as p')
    .selectAll('p')
    .select(lastRun.as('last_run_at'))
    .where('p.workspace_id', '=', workspaceId)
    .where('p.id', '=', id)
    .executeTakeFirst()
  return r && toPolicy(r)
}

export async function insertPolicy(
  db: Db,
  workspaceId: string,
  id: string,
  p: { name: string; lifecycleStage: string | null; inactiveMonths: number; isActive: boolean },
) {
  await db
    .insertInto('retention_policies')
    .values({
      workspace_id: workspaceId,
      id,
      name: p.name,
      lifecycle_stage: p.lifecycleStage,
      inactive_months: p.inactiveMonths,
      is_active: p.isActive,
    })
    .execute()
}

export async function updatePolicyRow(
  db: Db,
  workspaceId: string,
  id: string,
  p: { name?: string; lifecycleStage?: string | null; inactiveMonths?: number; isActive?: boolean },
) {
  const set = Object.fromEntries(
    Object.entries({
      name: p.name,
      lifecycle_stage: p.lifecycleStage,
      inactive_months: p.inactiveMonths,
      is_active: p.isActive,
    }).filter(([, v]) => v !== undefined),
  )
  await db
    .updateTable('retention_policies')
    .set({ ...set, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function deletePolicyRow(db: Db, workspaceId: string, id: string) {
  await db
    .deleteFrom('retention_policies')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

const lastActivity = sql<Date>`greatest(c.updated_at, coalesce((select max(greatest(a.updated_at, coalesce(a.occurred_at, a.created_at)))
    from activities a where a.workspace_id = c.workspace_id and a.contact_id = c.id), c.updated_at))`

/**
 * Contacts the policy applies to: not yet erased, of the stage if one is set, and with no
 * change and no activity for the given months. The one query behind both the count and the
 * list, so the preview's number and its sample can never disagree.
 *
 * "Last activity before the cutoff" is written as "changed before the cutoff, and no activity
 * on or after it" (the same set): the record's change time filters through its index and the
 * activities become one anti-join, where the latest activity per contact was a subquery for
 * every contact of the workspace (at 1M contacts: 1.4 s instead of 7.8 s, docs/benchmarks.md).
 */
function matchingQuery(db: Db, workspaceId: string, p: RetentionPolicy, now: Date) {
  const cutoff = new Date(now)
  cutoff.setMonth(cutoff.getMonth() - p.inactiveMonths)
  let q = db
    .selectFrom('contacts as c')
    .where('c.workspace_id', '=', workspaceId)
    .where('c.updated_at', '<', cutoff)
    .where('c.erased_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('activities as a')
            .select('a.id')
            .whereRef('a.workspace_id', '=', 'c.workspace_id')
            .whereRef('a.contact_id', '=', 'c.id')
            .where((a) =>
              a.or([
                a('a.updated_at', '>=', cutoff),
                a(sql`coalesce(a.occurred_at, a.created_at)`, '>=', cutoff),
              ]),
            ),
        ),
      ),
    )
  if (p.lifecycleStage) q = q.where('c.lifecycle_stage', '=', p.lifecycleStage)
  return q
}

/**
 * Matching contacts, at most `limit`: those whose record changed longest ago first (an index
 * order, so a sample of 50 stops after 50), each with its last activity.
 */
export async function matchingContacts(
  db: Db,
  workspaceId: string,
  p: RetentionPolicy,
  now: Date,
  limit: number,
) {
  const rows = await matchingQuery(db, workspaceId, p, now)
    .select(['c.id', 'c.lifecycle_stage', 'c.first_name', 'c.last_name'])
    .select(sql<string | null>`c.emails->0->>'address'`.as('email'))
    .select(lastActivity.as('last_activity_at'))
    .orderBy('c.updated_at')
    .orderBy('c.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: [r.first_name, r.last_name].filter(Boolean).join(' ') || r.email || '',
    lifecycleStage: r.lifecycle_stage,
    lastActivityAt: new Date(r.last_activity_at).toISOString(),
  }))
}

/** How many contacts match, counted by the database: no rows travel to Node. */
export async function countMatchingContacts(
  db: Db,
  workspaceId: string,
  p: RetentionPolicy,
  now: Date,
): Promise<number> {
  const r = await matchingQuery(db, workspaceId, p, now)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function insertRun(
  db: Db,
  r: { workspaceId: string; id: string; policyId: string; trigger: string },
) {
  await db
    .insertInto('retention_runs')
    .values({ workspace_id: r.workspaceId, id: r.id, policy_id: r.policyId, trigger: r.trigger })
    .execute()
}

export async function finishRun(
  db: Db,
  workspaceId: string,
  id: string,
  r: { status: 'done' | 'failed'; recordIds: string[]; error: string | null },
) {
  await db
    .updateTable('retention_runs')
    .set({
      status: r.status,
      record_ids: r.recordIds,
      affected_count: r.recordIds.length,
      error: r.error,
      finished_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function listRuns(
  db: Db,
  workspaceId: string,
  policyId: string | null,
  limit: number,
) {
  let q = db.selectFrom('retention_runs').selectAll().where('workspace_id', '=', workspaceId)
  if (policyId) q = q.where('policy_id', '=', policyId)
  const rows = await q.orderBy('started_at', 'desc').limit(limit).execute()
  return rows.map(toRun)
}
