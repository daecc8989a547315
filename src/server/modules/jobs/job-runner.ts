import type { Deps } from '../../deps'
import { newId } from '../../lib/ids'
import { runEvery } from '../../lib/interval'
import { claimJob, renewJobLease, updateOwnedJob, type JobRow } from './jobs.repo'

// Runs the durable jobs of the `jobs` table in-process, the way imports run theirs: a timer
// polls for due jobs, takes one with a lease and runs it; a pass never overlaps the next. A job
// is written as steps that each commit on their own and record the progress, so a job whose
// server died is taken again and continues after the last step done.
//
// The lease is short and kept alive by a heartbeat: while the job runs, its runner pushes
// `locked_until` ahead every few seconds. A killed process stops beating, so another runner
// (or the next start) takes its job within `jobLeaseMs`; a long step no longer has to finish
// inside the lease. Each claim has its own owner id: a runner that was presumed dead (its lease
// ran out, say the event loop stalled) finds the job taken over and stops instead of writing on.

export const jobPollMs = 1000
export const jobLeaseMs = 30_000
export const jobHeartbeatMs = 5_000
/** A job that has brought its runner down this many times is failed instead of tried again. */
export const maxJobAttempts = 3

export type LeaseTiming = { leaseMs: number; heartbeatMs: number }
const defaultTiming: LeaseTiming = { leaseMs: jobLeaseMs, heartbeatMs: jobHeartbeatMs }

export type JobContext = {
  /** True once the server is stopping or the job was taken over: return 'stopped' after the step. */
  isStopped(): boolean
  /** Saves the progress (what a client polls for); throws LeaseLostError if taken over. */
  progress(progress: Record<string, unknown>): Promise<void>
}

/** Runs the job to its end ('done') or to a clean stop between steps ('stopped'). */
export type JobHandler = (deps: Deps, job: JobRow, ctx: JobContext) => Promise<'done' | 'stopped'>

export type JobHandlers = Record<string, JobHandler>

/** Another runner holds the job now: this one must leave it alone. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`The lease of job ${jobId} was taken over by another runner`)
  }
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000)
}

/** Renews the claim's lease every `heartbeatMs` until stop(); `isLost()` once it could not. */
function startHeartbeat(deps: Deps, job: JobRow, owner: string, timing: LeaseTiming) {
  let isLost = false
  let beat: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    beat = beat.then(async () => {
      if (isLost) return
      try {
        isLost = !(await renewJobLease(deps.db, job.id, owner, timing.leaseMs))
        if (isLost) deps.log.warn({ jobId: job.id, type: job.type }, 'job lease taken over')
      } catch (err) {
        // A missed beat is not fatal: the lease is several beats long; the next one may pass.
        deps.log.error({ err, jobId: job.id }, 'job heartbeat failed')
      }
    })
  }, timing.heartbeatMs)
  timer.unref()
  return {
    isLost: () => isLost,
    stop: async () => {
      clearInterval(timer)
      await beat
    },
  }
}

type Claimed = { job: JobRow; owner: string; handler: JobHandler }
type Ending = 'done' | 'stopped' | 'failed' | 'taken_over'

/** Runs one claimed job and records how it ended, unless another runner has taken it over. */
async function runClaimed(
  deps: Deps,
  { job, owner, handler }: Claimed,
  isStopped: () => boolean,
  timing: LeaseTiming,
): Promise<Ending> {
  const heartbeat = startHeartbeat(deps, job, owner, timing)
  const save = (patch: Parameters<typeof updateOwnedJob>[3]) =>
    updateOwnedJob(deps.db, job.id, owner, patch)
  let outcome: 'done' | 'stopped'
  try {
    if (job.attempts > maxJobAttempts)
      throw new Error(`Stopped after ${maxJobAttempts} attempts that did not finish`)
    outcome = await handler(deps, job, {
      isStopped: () => isStopped() || heartbeat.isLost(),
      progress: async (progress) => {
        job.progress = progress
        if (!(await save({ progress }))) throw new LeaseLostError(job.id)
      },
    })
  } catch (err) {
    await heartbeat.stop()
    if (err instanceof LeaseLostError) return 'taken_over'
    deps.log.error({ err, jobId: job.id, type: job.type }, 'job failed')
    const patch = { status: 'failed', last_error: errorText(err), locked_until: null } as const
    return (await save({ ...patch, lease_owner: null })) ? 'failed' : 'taken_over'
  }
  await heartbeat.stop()
  if (heartbeat.isLost()) return 'taken_over'
  // A clean stop hands the job back at once, so the next start continues without waiting for
  // the lease; it is not a failed attempt.
  const saved =
    outcome === 'stopped'
      ? await save({ locked_until: null, lease_owner: null, attempts: job.attempts - 1 })
      : await save({ status: 'done', locked_until: null, lease_owner: null })
  return saved ? outcome : 'taken_over'
}

/**
 * Runs every due job the handlers know to its end; returns how many finished. `workspaceId`
 * limits it to one workspace's jobs (tests that share a database use it).
 */
export async function runQueuedJobs(
  deps: Deps,
  handlers: JobHandlers,
  isStopped: () => boolean = () => false,
  workspaceId?: string,
  timing: LeaseTiming = defaultTiming,
): Promise<number> {
  let finished = 0
  const types = Object.keys(handlers)
  while (!isStopped()) {
    const owner = newId()
    const job = await claimJob(deps.db, { types, leaseMs: timing.leaseMs, owner, workspaceId })
    const handler = job && handlers[job.type]
    if (!job || !handler) return finished
    const ending = await runClaimed(deps, { job, owner, handler }, isStopped, timing)
    if (ending === 'done') finished++
    if (ending === 'stopped') return finished
  }
  return finished
}

/** Polls for due jobs until stop(); stop() lets the step in flight commit. */
export function startJobRunner(
  deps: Deps,
  handlers: JobHandlers,
  intervalMs = jobPollMs,
): { stop(): Promise<void> } {
  return runEvery(intervalMs, (isStopped) =>
    runQueuedJobs(deps, handlers, isStopped)
      .then((n) => {
        if (n) deps.log.info({ jobs: n }, 'jobs finished')
      })
      .catch((err: unknown) => deps.log.error({ err }, 'job runner failed')),
  )
}
