import type { DuplicateObjectType } from '../../../shared/duplicates.schema'
import type { Deps } from '../../deps'
import type { JobHandler } from '../jobs/job-runner'
import {
  countOpenPairs,
  removeStalePairs,
  runScanStep,
  scanSteps,
  type ScanTarget,
} from './duplicate-scan.repo'

// The duplicate scan as a durable job. Its steps (one blocking query each, then a clean-up of
// pairs no longer found) commit one by one and the progress records how many are done, so a
// scan taken over after a crash continues with the next step; a step done twice writes the
// same rows again.

export const duplicateScanJobType = 'duplicate_scan'

export type ScanPayload = { objectTypes: DuplicateObjectType[]; recordId: string | null }

export type ScanProgress = {
  stepsDone: number
  stepsTotal: number
  step: string | null
  found: number | null
  startedAt: string | null
  finishedAt: string | null
  /** Milliseconds per step, for the benchmark notes. */
  timings: Record<string, number>
}

/** The steps of a scan, in order: `<objectType>:<block>` and `<objectType>:cleanup`. */
export function planScan(payload: ScanPayload): string[] {
  return payload.objectTypes.flatMap((t) => [
    ...scanSteps[t].map((s) => `${t}:${s}`),
    `${t}:cleanup`,
  ])
}

export function readPayload(raw: Record<string, unknown>): ScanPayload {
  const types = Array.isArray(raw.objectTypes) ? raw.objectTypes : []
  return {
    objectTypes: types.filter((t): t is DuplicateObjectType => t === 'contact' || t === 'company'),
    recordId: typeof raw.recordId === 'string' ? raw.recordId : null,
  }
}

export function readProgress(raw: Record<string, unknown>, steps: string[]): ScanProgress {
  const num = (v: unknown) => (typeof v === 'number' ? v : null)
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  return {
    stepsDone: num(raw.stepsDone) ?? 0,
    stepsTotal: steps.length,
    step: str(raw.step),
    found: num(raw.found),
    startedAt: str(raw.startedAt),
    finishedAt: str(raw.finishedAt),
    timings: (typeof raw.timings === 'object' && raw.timings !== null ? raw.timings : {}) as Record<
      string,
      number
    >,
  }
}

export const runDuplicateScan: JobHandler = async (deps: Deps, job, ctx) => {
  const payload = readPayload(job.payload)
  const steps = planScan(payload)
  const p = readProgress(job.progress, steps)
  if (!job.workspace_id) throw new Error('a duplicate scan needs a workspace')
  const target: ScanTarget = {
    workspaceId: job.workspace_id,
    scanId: job.id,
    focusId: payload.recordId,
  }
  p.startedAt ??= new Date().toISOString()
  for (let i = p.stepsDone; i < steps.length; i++) {
    if (ctx.isStopped()) return 'stopped'
    const name = steps[i] ?? ''
    await ctx.progress({ ...p, step: name })
    const [objectType, step] = name.split(':') as [DuplicateObjectType, string]
    const started = performance.now()
    if (step === 'cleanup') await removeStalePairs(deps.db, target, objectType)
    else await runScanStep(deps.db, target, objectType, step)
    p.timings[name] = Math.round(performance.now() - started)
    p.stepsDone = i + 1
    await ctx.progress({ ...p, step: null })
  }
  p.found = await countOpenPairs(deps.db, target.workspaceId, payload.objectTypes)
  p.finishedAt = new Date().toISOString()
  await ctx.progress({ ...p, step: null })
  deps.log.info({ jobId: job.id, found: p.found, timings: p.timings }, 'duplicate scan done')
  return 'done'
}
