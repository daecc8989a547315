import type { Db } from '../../db/client'
import { newId } from '../../lib/ids'
import { findActiveJob, findJob, insertJob, listJobs, type JobRow } from './jobs.repo'

// Durable jobs for the modules that run work in the background (the duplicate scan): enqueue
// and read. Authorization stays with the calling module, which owns the job's meaning.

export type { JobRow }

export async function enqueueJob(
  db: Db,
  job: { workspaceId: string; type: string; payload: Record<string, unknown> },
): Promise<JobRow> {
  const id = newId()
  await insertJob(db, { id, ...job })
  const row = await findJob(db, job.workspaceId, job.type, id)
  if (!row) throw new Error('job vanished after insert')
  return row
}

export const findWorkspaceJob = findJob
export const listWorkspaceJobs = listJobs
export const findActiveWorkspaceJob = findActiveJob
