import type { Selectable } from 'kysely'
import type { Db } from '../../db/client'
import type { JobsTable } from '../../db/schema'

// SQL of the durable jobs table: enqueue, claim with a lease (FOR UPDATE SKIP LOCKED, so two
// runners never take the same job), progress and the end state.

export type JobRow = Selectable<JobsTable>

export async function insertJob(
  db: Db,
  job: { id: string; workspaceId: string; type: string; payload: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      id: job.id,
      workspace_id: job.workspaceId,
      type: job.type,
      payload: JSON.stringify(job.payload),
      progress: '{}',
    })
    .execute()
}

export async function findJob(
  db: Db,
  workspaceId: string,
  type: string,
  id: string,
): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', type)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function listJobs(
  db: Db,
  workspaceId: string,
  type: string,
  limit: number,
): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', type)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** A queued or running job of the type in the workspace, if there is one. */
export async function findActiveJob(
  db: Db,
  workspaceId: string,
  type: string,
): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', type)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
}

/**
 * Takes the oldest due job of the given types whose lease is free, marks it running under
 * `owner` (a new id per claim) and counts the attempt. A job whose runner died is taken again
 * once its lease has run out: the live runner's heartbeat keeps renewing it.
 */
export async function claimJob(
  db: Db,
  claim: { types: string[]; leaseMs: number; owner: string; workspaceId?: string },
): Promise<JobRow | undefined> {
  if (claim.types.length === 0) return undefined
  return db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('jobs')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .where('type', 'in', claim.types)
      .where('run_at', '<=', new Date())
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date())]))
    if (claim.workspaceId) q = q.where('workspace_id', '=', claim.workspaceId)
    const row = await q.orderBy('run_at').limit(1).forUpdate().skipLocked().executeTakeFirst()
    if (!row) return undefined
    return trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_until: new Date(Date.now() + claim.leaseMs),
        lease_owner: claim.owner,
        attempts: eb('attempts', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirst()
  })
}

export type JobPatch = Partial<{
  status: 'queued' | 'running' | 'done' | 'failed'
  progress: Record<string, unknown>
  locked_until: Date | null
  lease_owner: string | null
  last_error: string | null
  attempts: number
}>

/**
 * Writes the patch only while `owner` still holds the job's lease; false when another runner
 * has taken the job over (this one was presumed dead), so the caller stops writing.
 */
export async function updateOwnedJob(
  db: Db,
  id: string,
  owner: string,
  patch: JobPatch,
): Promise<boolean> {
  const { progress, ...rest } = patch
  const r = await db
    .updateTable('jobs')
    .set({
      ...rest,
      ...(progress ? { progress: JSON.stringify(progress) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** The heartbeat: pushes the lease `leaseMs` ahead if `owner` still holds a running job. */
export async function renewJobLease(
  db: Db,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: new Date(Date.now() + leaseMs) })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}
