import type { Deps } from '../../deps'
import { claimJob, updateJob, type JobRow } from './jobs.repo'

// Runs the durable jobs of the `jobs` table in-process, the way imports run theirs: a timer
// polls for due jobs, takes one with a lease and runs it; a pass never overlaps the next. A job
// is written as steps that each commit on their own and record the progress, so a job whose
// server died is taken again when its lease runs out and continues after the last step done.

export const jobPollMs = 1000
export const jobLeaseMs = 5 * 60 * 1000
/** A job that has brought its runner down this many times is failed instead of tried again. */
export const maxJobAttempts = 3

export type JobContext = {
  /** True once the server is stopping: return 'stopped' after the step in flight. */
  isStopped(): boolean
  /** Saves the progress (what a client polls for) and renews the lease. */
  progress(progress: Record<string, unknown>): Promise<void>
}

/** Runs the job to its end ('done') or to a clean stop between steps ('stopped'). */
export type JobHandler = (deps: Deps, job: JobRow, ctx: JobContext) => Promise<'done' | 'stopped'>

export type JobHandlers = Record<string, JobHandler>

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000)
}

async function runOne(deps: Deps, handler: JobHandler, job: JobRow, isStopped: () => boolean) {
  if (job.attempts > maxJobAttempts)
    throw new Error(`Stopped after ${maxJobAttempts} attempts that did not finish`)
  const ctx: JobContext = {
    isStopped,
    progress: async (progress) => {
      job.progress = progress
      await updateJob(deps.db, job.id, {
        progress,
        locked_until: new Date(Date.now() + jobLeaseMs),
      })
    },
  }
  return handler(deps, job, ctx)
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
): Promise<number> {
  let finished = 0
  while (!isStopped()) {
    const job = await claimJob(deps.db, Object.keys(handlers), jobLeaseMs, workspaceId)
    const handler = job && handlers[job.type]
    if (!job || !handler) return finished
    try {
      const outcome = await runOne(deps, handler, job, isStopped)
      if (outcome === 'stopped') {
        // Hand the job back at once, so the next start continues without waiting for the lease;
        // a clean stop is not a failed attempt.
        await updateJob(deps.db, job.id, { locked_until: null, attempts: job.attempts - 1 })
        return finished
      }
      await updateJob(deps.db, job.id, { status: 'done', locked_until: null })
      finished++
    } catch (err) {
      deps.log.error({ err, jobId: job.id, type: job.type }, 'job failed')
      await updateJob(deps.db, job.id, {
        status: 'failed',
        last_error: errorText(err),
        locked_until: null,
      })
    }
  }
  return finished
}

/** Polls for due jobs until stop(); stop() lets the step in flight commit. */
export function startJobRunner(
  deps: Deps,
  handlers: JobHandlers,
  intervalMs = jobPollMs,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let isStopped = false
  const tick = () => {
    if (running || isStopped) return
    running = runQueuedJobs(deps, handlers, () => isStopped)
      .then((n) => {
        if (n) deps.log.info({ jobs: n }, 'jobs finished')
      })
      .catch((err: unknown) => deps.log.error({ err }, 'job runner failed'))
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    stop: async () => {
      isStopped = true
      clearInterval(timer)
      await running
    },
  }
}
