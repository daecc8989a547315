import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/create-test-app'
import { makeWorkspace } from '../../test/factories'
import {
  jobHeartbeatMs,
  jobLeaseMs,
  runQueuedJobs,
  type JobHandler,
  type LeaseTiming,
} from './job-runner'
import { claimJob } from './jobs.repo'
import { enqueueJob } from './jobs.service'

// The runner of the jobs table: a short lease kept alive by a heartbeat, so a job of a process
// that died is taken over promptly and continues after its last committed step.

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

const type = 'test_steps'
const fast: LeaseTiming = { leaseMs: 300, heartbeatMs: 50 }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A job of five steps; each step's number is recorded as it commits, as real steps would. */
function stepsHandler(done: number[], stepMs = 0): JobHandler {
  return async (_deps, job, ctx) => {
    const from = typeof job.progress.stepsDone === 'number' ? job.progress.stepsDone : 0
    for (let i = from; i < 5; i++) {
      if (ctx.isStopped()) return 'stopped'
      if (stepMs) await sleep(stepMs)
      done.push(i)
      await ctx.progress({ stepsDone: i + 1 })
    }
    return 'done'
  }
}

async function jobRow(id: string) {
  return t.deps.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

async function newJob() {
  const ws = await makeWorkspace(t)
  const job = await enqueueJob(t.deps.db, { workspaceId: ws.workspaceId, type, payload: {} })
  return { workspaceId: ws.workspaceId, id: job.id }
}

describe('job runner', () => {
  it('uses a lease of about 30 s renewed every few seconds', () => {
    expect(jobLeaseMs).toBeLessThanOrEqual(30_000)
    expect(jobHeartbeatMs * 3).toBeLessThanOrEqual(jobLeaseMs)
  })

  it('keeps a long job’s lease alive with the heartbeat, so no other runner takes it', async () => {
    const { workspaceId, id } = await newJob()
    const done: number[] = []
    // Each step outlasts the lease; only the heartbeat keeps the job this runner's.
    const running = runQueuedJobs(
      t.deps,
      { [type]: stepsHandler(done, 400) },
      undefined,
      workspaceId,
      fast,
    )
    await sleep(700)
    const held = await jobRow(id)
    expect(held.status).toBe('running')
    expect(held.locked_until!.getTime()).toBeGreaterThan(Date.now())
    const other: number[] = []
    expect(
      await runQueuedJobs(t.deps, { [type]: stepsHandler(other) }, undefined, workspaceId, fast),
    ).toBe(0)
    expect(await running).toBe(1)
    expect(done).toEqual([0, 1, 2, 3, 4])
    expect(other).toEqual([])
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, lease_owner: null })
  })

  it('takes over the job of a dead process once its lease runs out and continues after the last step', async () => {
    const { workspaceId, id } = await newJob()
    // A process claimed the job, committed two steps and was killed: no more heartbeats.
    const dead = await claimJob(t.deps.db, {
      types: [type],
      leaseMs: jobLeaseMs,
      owner: 'killed-process',
      workspaceId,
    })
    expect(dead?.id).toBe(id)
    await t.deps.db
      .updateTable('jobs')
      .set({ progress: JSON.stringify({ stepsDone: 2 }) })
      .where('id', '=', id)
      .execute()
    const leaseLeft = (await jobRow(id)).locked_until!.getTime() - Date.now()
    expect(leaseLeft).toBeLessThanOrEqual(30_000)

    const done: number[] = []
    const handlers = { [type]: stepsHandler(done) }
    // While the lease runs, the job is the dead process's: nobody else takes it.
    expect(await runQueuedJobs(t.deps, handlers, undefined, workspaceId)).toBe(0)
    // The lease runs out (simulated: the row's lease is expired instead of waiting 30 s).
    await t.deps.db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute()
    expect(await runQueuedJobs(t.deps, handlers, undefined, workspaceId)).toBe(1)
    expect(done).toEqual([2, 3, 4])
    expect(await jobRow(id)).toMatchObject({
      status: 'done',
      attempts: 2,
      progress: { stepsDone: 5 },
      locked_until: null,
    })
  })

  it('stops a runner whose job was taken over, without writing on or finishing it', async () => {
    const { workspaceId, id } = await newJob()
    const done: number[] = []
    const running = runQueuedJobs(
      t.deps,
      { [type]: stepsHandler(done, 150) },
      undefined,
      workspaceId,
      fast,
    )
    await sleep(200)
    // Another runner presumed this one dead and claimed the job.
    await t.deps.db
      .updateTable('jobs')
      .set({ lease_owner: 'new-owner', locked_until: new Date(Date.now() + 60_000) })
      .where('id', '=', id)
      .execute()
    expect(await running).toBe(0)
    expect(done.length).toBeLessThan(5)
    const row = await jobRow(id)
    expect(row).toMatchObject({ status: 'running', lease_owner: 'new-owner' })
    expect((row.progress as { stepsDone: number }).stepsDone).toBeLessThanOrEqual(done.length)
  })

  it('hands a job back at once on a clean stop, with its progress, as no failed attempt', async () => {
    const { workspaceId, id } = await newJob()
    const done: number[] = []
    let checks = 0
    await runQueuedJobs(t.deps, { [type]: stepsHandler(done) }, () => checks++ > 2, workspaceId)
    expect(await jobRow(id)).toMatchObject({
      status: 'running',
      locked_until: null,
      lease_owner: null,
      attempts: 0,
      progress: { stepsDone: 2 },
    })
    expect(
      await runQueuedJobs(t.deps, { [type]: stepsHandler(done) }, undefined, workspaceId),
    ).toBe(1)
    expect(done).toEqual([0, 1, 2, 3, 4])
  })
})
