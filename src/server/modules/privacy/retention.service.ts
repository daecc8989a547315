import type {
  RetentionPolicy,
  RetentionPolicyCreate,
  RetentionPolicyUpdate,
  RetentionRun,
} from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { recordEvents } from '../timeline/timeline.service'
import { eraseInTransaction } from './erasure.service'
import { recordSubjectAction } from './privacy.repo'
import {
  countMatchingContacts,
  deletePolicyRow,
  finishRun,
  findPolicy,
  insertPolicy,
  insertRun,
  listPolicyRows,
  listRuns,
  matchingContacts,
  updatePolicyRow,
} from './retention.repo'

// Retention (GDPR-4): "anonymise leads with no activity for 24 months". Policies run daily
// from the scheduler (or on demand); each run is logged with the ids it anonymised.

const dayMs = 24 * 3600 * 1000

export async function listPolicies(deps: Deps, actor: Actor): Promise<RetentionPolicy[]> {
  authorize(actor, 'retention-policies', 'read')
  return (await listPolicyRows(deps.db, actor.workspaceId)).map((r) => r.policy)
}

async function mustFind(deps: Deps, actor: Actor, id: string) {
  const p = await findPolicy(deps.db, actor.workspaceId, id)
  if (!p) throw notFound('Retention policy')
  return p
}

export async function getPolicy(deps: Deps, actor: Actor, id: string) {
  authorize(actor, 'retention-policies', 'read')
  return mustFind(deps, actor, id)
}

export async function createPolicy(deps: Deps, actor: Actor, input: RetentionPolicyCreate) {
  authorize(actor, 'retention-policies', 'create')
  const id = newId()
  await deps.db.transaction().execute(async (trx) => {
    await insertPolicy(trx, actor.workspaceId, id, input)
    await recordEvents(trx, actor, [
      { objectType: 'retention_policy', recordId: id, eventType: 'created' },
    ])
    await audit(trx, actor, { action: 'create', objectType: 'retention_policy', recordIds: [id] })
  })
  return mustFind(deps, actor, id)
}

export async function updatePolicy(
  deps: Deps,
  actor: Actor,
  id: string,
  input: RetentionPolicyUpdate,
) {
  authorize(actor, 'retention-policies', 'update')
  await mustFind(deps, actor, id)
  await deps.db.transaction().execute(async (trx) => {
    await updatePolicyRow(trx, actor.workspaceId, id, input)
    await recordEvents(trx, actor, [
      { objectType: 'retention_policy', recordId: id, eventType: 'updated' },
    ])
    await audit(trx, actor, { action: 'update', objectType: 'retention_policy', recordIds: [id] })
  })
  return mustFind(deps, actor, id)
}

export async function deletePolicy(deps: Deps, actor: Actor, id: string) {
  authorize(actor, 'retention-policies', 'delete')
  await mustFind(deps, actor, id)
  await deps.db.transaction().execute(async (trx) => {
    await deletePolicyRow(trx, actor.workspaceId, id)
    await audit(trx, actor, { action: 'delete', objectType: 'retention_policy', recordIds: [id] })
  })
}

export async function previewPolicy(deps: Deps, actor: Actor, id: string) {
  authorize(actor, 'retention-policies', 'read')
  const p = await mustFind(deps, actor, id)
  const now = new Date()
  return {
    count: await countMatchingContacts(deps.db, actor.workspaceId, p, now),
    sample: await matchingContacts(deps.db, actor.workspaceId, p, now, 50),
  }
}

export async function policyRuns(
  deps: Deps,
  actor: Actor,
  id: string | null,
): Promise<RetentionRun[]> {
  authorize(actor, 'retention-policies', 'read')
  return listRuns(deps.db, actor.workspaceId, id, 100)
}

/** One run of a policy: each person is anonymised in their own transaction, then logged. */
async function runPolicy(
  deps: Deps,
  workspaceId: string,
  policy: RetentionPolicy,
  trigger: 'schedule' | 'manual',
  now: Date,
): Promise<string> {
  const runId = newId()
  await insertRun(deps.db, { workspaceId, id: runId, policyId: policy.id, trigger })
  const done: string[] = []
  try {
    for (const c of await matchingContacts(deps.db, workspaceId, policy, now, 100_000)) {
      await deps.db.transaction().execute(async (trx) => {
        await eraseInTransaction(deps, trx, workspaceId, c.id, 'retention')
        await recordSubjectAction(trx, {
          workspaceId,
          contactId: c.id,
          action: 'erase',
          ip: null,
          details: { reason: 'retention', policyId: policy.id, runId, actor: 'retention' },
        })
      })
      done.push(c.id)
    }
    await finishRun(deps.db, workspaceId, runId, { status: 'done', recordIds: done, error: null })
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err)
    await finishRun(deps.db, workspaceId, runId, { status: 'failed', recordIds: done, error })
  }
  return runId
}

export async function runPolicyNow(deps: Deps, actor: Actor, id: string): Promise<RetentionRun> {
  authorize(actor, 'retention-policies', 'update')
  const p = await mustFind(deps, actor, id)
  const runId = await runPolicy(deps, actor.workspaceId, p, 'manual', new Date())
  await audit(deps.db, actor, {
    action: 'retention_run',
    objectType: 'retention_policy',
    recordIds: [id],
    details: { runId },
  })
  const [run] = (await listRuns(deps.db, actor.workspaceId, id, 1)).filter((r) => r.id === runId)
  if (!run) throw notFound('Retention run')
  return run
}

/** The daily job: every active policy not run in the last 24 hours, in every workspace. */
export async function runDueRetention(
  deps: Pick<Deps, 'db' | 'config' | 'engine' | 'log'>,
  now = new Date(),
): Promise<number> {
  let runs = 0
  for (const { workspaceId, policy } of await listPolicyRows(deps.db, null, true)) {
    const last = policy.lastRunAt ? new Date(policy.lastRunAt).getTime() : 0
    if (now.getTime() - last < dayMs) continue
    await runPolicy(deps as Deps, workspaceId, policy, 'schedule', now)
    runs++
  }
  return runs
}
