import type { Page } from '../../../shared/common.schema'
import type {
  DuplicateCandidate,
  DuplicateListQuery,
  DuplicateObjectType,
  DuplicateScan,
  DuplicateScanStart,
} from '../../../shared/duplicates.schema'
import { roleCan, scopeAllows } from '../../../shared/permissions'
import type { Deps } from '../../deps'
import { fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { visibleCompanyIds } from '../companies/companies.service'
import { visibleContactIds } from '../contacts/contacts.service'
import {
  enqueueJob,
  findActiveWorkspaceJob,
  findWorkspaceJob,
  listWorkspaceJobs,
  type JobRow,
} from '../jobs/jobs.service'
import { explainReasons, type StoredReason } from './duplicate-reasons'
import { duplicateScanJobType, planScan, readPayload, readProgress } from './duplicate-scan'
import {
  findCandidate,
  listCandidateRows,
  loadRecordSummaries,
  setCandidateStatus,
  type CandidateRow,
} from './duplicates.repo'

// The duplicate finder: start a scan (a durable job), follow it, page through the review queue,
// dismiss a pair as "not a duplicate" or take the dismissal back.

const resourceOf = (t: DuplicateObjectType) => (t === 'contact' ? 'contacts' : 'companies')

function canRead(actor: Actor, t: DuplicateObjectType): boolean {
  const r = resourceOf(t)
  return (
    roleCan(actor.role, r, 'read') &&
    (!actor.apiKeyScopes || scopeAllows(actor.apiKeyScopes, r, 'read'))
  )
}

async function isVisible(deps: Deps, actor: Actor, t: DuplicateObjectType, id: string) {
  const found =
    t === 'contact'
      ? await visibleContactIds(deps, actor, [id])
      : await visibleCompanyIds(deps, actor, [id])
  return found.has(id)
}

function toScan(job: JobRow): DuplicateScan {
  const payload = readPayload(job.payload)
  const p = readProgress(job.progress, planScan(payload))
  const started = p.startedAt ? Date.parse(p.startedAt) : null
  const finished = p.finishedAt ? Date.parse(p.finishedAt) : null
  return {
    id: job.id,
    status: job.status as DuplicateScan['status'],
    objectTypes: payload.objectTypes,
    recordId: payload.recordId,
    progress: { stepsDone: p.stepsDone, stepsTotal: p.stepsTotal, step: p.step, found: p.found },
    lastError: job.last_error,
    createdAt: job.created_at.toISOString(),
    startedAt: p.startedAt,
    finishedAt: p.finishedAt,
    seconds: started && finished ? (finished - started) / 1000 : null,
  }
}

/** Queues a scan; while one that covers the request is queued or running, returns that one. */
export async function startScan(
  deps: Deps,
  actor: Actor,
  input: DuplicateScanStart,
): Promise<DuplicateScan> {
  const objectTypes: DuplicateObjectType[] =
    input.objectType === 'all' ? ['contact', 'company'] : [input.objectType]
  for (const t of objectTypes) authorize(actor, resourceOf(t), 'update')
  const [first] = objectTypes
  if (input.recordId && first && !(await isVisible(deps, actor, first, input.recordId)))
    throw notFound(first === 'contact' ? 'Contact' : 'Company')
  const active = await findActiveWorkspaceJob(deps.db, actor.workspaceId, duplicateScanJobType)
  if (active) {
    const a = readPayload(active.payload)
    const covers =
      objectTypes.every((t) => a.objectTypes.includes(t)) &&
      (a.recordId === null || a.recordId === (input.recordId ?? null))
    if (covers) return toScan(active)
  }
  const job = await enqueueJob(deps.db, {
    workspaceId: actor.workspaceId,
    type: duplicateScanJobType,
    payload: { objectTypes, recordId: input.recordId ?? null, requestedBy: actor.userId },
  })
  await audit(deps.db, actor, {
    action: 'duplicate_scan',
    objectType: first ?? 'contact',
    recordIds: input.recordId ? [input.recordId] : [],
    details: { scanId: job.id, objectTypes },
  })
  return toScan(job)
}

function authorizeAnyRead(actor: Actor): void {
  if (!canRead(actor, 'contact') && !canRead(actor, 'company')) authorize(actor, 'contacts', 'read')
}

export async function getScan(deps: Deps, actor: Actor, id: string): Promise<DuplicateScan> {
  authorizeAnyRead(actor)
  const job = await findWorkspaceJob(deps.db, actor.workspaceId, duplicateScanJobType, id)
  if (!job) throw notFound('Scan')
  return toScan(job)
}

export async function listScans(deps: Deps, actor: Actor): Promise<DuplicateScan[]> {
  authorizeAnyRead(actor)
  const jobs = await listWorkspaceJobs(deps.db, actor.workspaceId, duplicateScanJobType, 10)
  return jobs.map(toScan)
}

function decodeCursor(cursor: string | undefined): { score: number; id: string } | undefined {
  if (!cursor) return undefined
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    const { s, id } = v as { s?: unknown; id?: unknown }
    if (typeof s === 'number' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))
      return { score: s, id }
  } catch {
    // falls through to the error below
  }
  throw fieldError('cursor', 'invalid_cursor', 'The cursor is not valid')
}

const encodeCursor = (r: CandidateRow) =>
  Buffer.from(JSON.stringify({ s: r.score, id: r.id })).toString('base64url')

async function describe(
  deps: Deps,
  workspaceId: string,
  rows: CandidateRow[],
): Promise<DuplicateCandidate[]> {
  const ids = (t: string) =>
    rows.filter((r) => r.object_type === t).flatMap((r) => [r.record_a, r.record_b])
  const [contacts, companies] = await Promise.all([
    loadRecordSummaries(deps.db, workspaceId, 'contact', ids('contact')),
    loadRecordSummaries(deps.db, workspaceId, 'company', ids('company')),
  ])
  return rows.flatMap((r) => {
    const records = r.object_type === 'contact' ? contacts : companies
    const a = records.get(r.record_a)
    const b = records.get(r.record_b)
    if (!a || !b) return []
    const pair = [a, b].sort((x, y) => x.createdAt.localeCompare(y.createdAt))
    return [
      {
        id: r.id,
        objectType: r.object_type as DuplicateObjectType,
        score: r.score,
        status: r.status as DuplicateCandidate['status'],
        reasons: explainReasons(r.reasons as StoredReason[], a, b),
        records: pair,
        foundAt: r.found_at.toISOString(),
        decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
        decidedBy: r.decided_by,
      },
    ]
  })
}

/** A page of the review queue, highest score first; only pairs whose records the actor sees. */
export async function listCandidates(
  deps: Deps,
  actor: Actor,
  query: DuplicateListQuery,
): Promise<Page<DuplicateCandidate>> {
  if (query.objectType) authorize(actor, resourceOf(query.objectType), 'read')
  else authorizeAnyRead(actor)
  const objectTypes = query.objectType
    ? [query.objectType]
    : (['contact', 'company'] as const).filter((t) => canRead(actor, t))
  const rows = await listCandidateRows(
    deps.db,
    actor.workspaceId,
    {
      objectTypes,
      status: query.status,
      minScore: query.minScore,
      recordId: query.recordId,
      ownerIds: await visibleOwnerIds(deps, actor),
      after: decodeCursor(query.cursor),
    },
    query.limit + 1,
  )
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  const data = await describe(deps, actor.workspaceId, page)
  // Showing the pairs shows personal data of the contacts in them (GDPR-5).
  const contactIds = data
    .filter((d) => d.objectType === 'contact')
    .flatMap((d) => d.records.map((x) => x.id))
  if (contactIds.length)
    await audit(deps.db, actor, {
      action: 'list',
      objectType: 'contact',
      recordIds: [...new Set(contactIds)],
      details: { view: 'duplicates' },
    })
  return { data, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null }
}

/** Dismisses a pair as "not a duplicate" (a rescan leaves it be) or reopens it. */
export async function decideCandidate(
  deps: Deps,
  actor: Actor,
  id: string,
  status: 'open' | 'dismissed',
): Promise<DuplicateCandidate> {
  const row = await findCandidate(deps.db, actor.workspaceId, id)
  if (!row) throw notFound('Duplicate')
  const t = row.object_type as DuplicateObjectType
  authorize(actor, resourceOf(t), 'update')
  const visible = await Promise.all(
    [row.record_a, row.record_b].map((r) => isVisible(deps, actor, t, r)),
  )
  if (!visible.every(Boolean)) throw notFound('Duplicate')
  if (row.status === 'merged') throw fieldError('status', 'duplicate_merged', 'The pair was merged')
  await deps.db.transaction().execute(async (trx) => {
    await setCandidateStatus(trx, actor.workspaceId, id, status, actor.userId)
    await audit(trx, actor, {
      action: status === 'dismissed' ? 'dismiss_duplicate' : 'reopen_duplicate',
      objectType: t,
      recordIds: [row.record_a, row.record_b],
      details: { candidateId: id },
    })
  })
  const [updated] = await describe(deps, actor.workspaceId, [
    {
      ...row,
      status,
      decided_by: status === 'open' ? null : actor.userId,
      decided_at: status === 'open' ? null : new Date(),
    },
  ])
  if (!updated) throw notFound('Duplicate')
  return updated
}
