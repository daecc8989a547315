import type {
  AssignmentRule,
  Lead,
  LeadCreate,
  LeadUpdate,
  ScoringRule,
} from '../../../shared/leads.schema'
import { normalizeEmail, normalizePhone } from '../../../shared/validators'
import type { Deps } from '../../deps'
import { AppError, fieldError, mapDbError, notFound, withRecordPath } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { insertContacts, toSource } from '../contacts/contacts.repo'
import { recordEvents } from '../timeline/timeline.service'
import { assignOwner } from './lead-assignment'
import {
  listAssignmentRules,
  listScoringRules,
  replaceAssignmentRules,
  replaceScoringRules,
} from './lead-rules.repo'
import { engagementScore, fitScore, scoresOf } from './lead-scoring'
import {
  allLeadIds,
  findLeads,
  insertLeadRow,
  openLeadActivityCounts,
  setContactOwner,
  setLeadScores,
  updateLeadRow,
} from './leads.repo'

// Capture writes the contact through the contacts repo, not its service, so the contact and its
// lead record are one transaction (services open their own); see docs/decisions.md.

export async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

export async function captureLead(deps: Deps, actor: Actor, input: LeadCreate): Promise<Lead> {
  authorize(actor, 'leads', 'create')
  if (!input.firstName && !input.lastName && !input.email)
    throw fieldError('lastName', 'name_or_email_required')
  const phone = input.phone ? normalizePhone(input.phone) : null
  const id = newId()
  await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const rules = await listScoringRules(trx, ws)
      const attrs = {
        industry: input.industry ?? null,
        region: input.region ?? null,
        companySize: input.companySize ?? null,
        source: input.source ?? null,
      }
      const assigned = input.ownerId === undefined ? await assignOwner(trx, ws, attrs) : null
      const ownerId =
        input.ownerId === undefined ? (assigned?.ownerId ?? actor.userId) : input.ownerId
      await insertContacts(
        trx,
        ws,
        [
          {
            id,
            values: {
              firstName: input.firstName ?? null,
              lastName: input.lastName ?? null,
              emails: input.email
                ? [{ address: normalizeEmail(input.email), label: null, primary: true }]
                : [],
              phones: phone ? [{ number: phone, label: null }] : [],
              title: input.title ?? null,
              language: null,
              birthDate: null,
              gender: null,
              interests: [],
              address: null,
              lifecycleStage: 'lead',
              ownerId,
              source: toSource({ channel: input.source ?? null }),
              custom: {},
            },
          },
        ],
        actor.userId,
      )
      const scores = await scoresOf(trx, ws, rules, null, { ...attrs, title: input.title ?? null })
      await insertLeadRow(trx, ws, id, {
        status: 'new',
        companyName: input.companyName ?? null,
        assignedTeamId: assigned?.teamId ?? null,
        ...attrs,
        ...scores,
      })
      await recordEvents(trx, actor, [
        {
          objectType: 'contact',
          recordId: id,
          eventType: 'created',
          data: { lead: true, source: input.source ?? null },
        },
      ])
      await audit(trx, actor, { action: 'create', objectType: 'lead', recordIds: [id] })
    }),
  )
  return getLead(deps, actor, id)
}

export async function getLead(deps: Deps, actor: Actor, id: string): Promise<Lead> {
  authorize(actor, 'leads', 'read')
  const [lead] = await findLeads(deps.db, actor.workspaceId, {
    ids: [id],
    ownerIds: await visibleOwnerIds(deps, actor),
  })
  if (!lead) throw notFound('Lead')
  return lead
}

export async function listLeads(
  deps: Deps,
  actor: Actor,
  q: { status?: string; ownerId?: string; limit: number },
): Promise<Lead[]> {
  authorize(actor, 'leads', 'read')
  const leads = await findLeads(deps.db, actor.workspaceId, {
    ...q,
    ownerIds: await visibleOwnerIds(deps, actor),
  })
  await audit(deps.db, actor, {
    action: 'list',
    objectType: 'lead',
    recordIds: leads.map((l) => l.id),
  })
  return leads
}

export async function updateLead(
  deps: Deps,
  actor: Actor,
  id: string,
  input: LeadUpdate,
): Promise<Lead> {
  authorize(actor, 'leads', 'update')
  const vis = await visibleOwnerIds(deps, actor)
  await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId
      const [before] = await findLeads(trx, ws, { ids: [id], ownerIds: vis, forUpdate: true })
      if (!before) throw notFound('Lead')
      if (before.status === 'converted') throw fieldError('status', 'invalid_transition')
      const next = {
        industry: input.industry === undefined ? before.industry : input.industry,
        region: input.region === undefined ? before.region : input.region,
        companySize: input.companySize === undefined ? before.companySize : input.companySize,
        source: input.source === undefined ? before.source : input.source,
      }
      const scores = await scoresOf(trx, ws, await listScoringRules(trx, ws), id, {
        ...next,
        title: before.title,
      })
      await updateLeadRow(trx, ws, id, {
        ...next,
        ...scores,
        status: input.status,
        companyName: input.companyName === undefined ? undefined : input.companyName,
      })
      if (input.ownerId !== undefined) await setContactOwner(trx, ws, id, input.ownerId)
      const changes =
        input.status && input.status !== before.status
          ? [{ field: 'leadStatus', old: before.status, new: input.status }]
          : []
      await recordEvents(trx, actor, [
        {
          objectType: 'contact',
          recordId: id,
          eventType: 'updated',
          changes,
          data: { lead: true },
        },
      ])
      await audit(trx, actor, { action: 'update', objectType: 'lead', recordIds: [id] })
    }),
  )
  return getLead(deps, actor, id)
}

export async function getScoringRules(deps: Deps, actor: Actor): Promise<ScoringRule[]> {
  authorize(actor, 'leads', 'read')
  return listScoringRules(deps.db, actor.workspaceId)
}

/** Replaces the scoring rules and rescores every open lead with them. */
export async function setScoringRules(
  deps: Deps,
  actor: Actor,
  rules: ScoringRule[],
): Promise<ScoringRule[]> {
  authorize(actor, 'leads', 'update')
  await deps.db.transaction().execute(async (trx) => {
    const ws = actor.workspaceId
    await replaceScoringRules(trx, ws, rules)
    // Set-based: activities of all open leads in one query and the scores in one statement,
    // not two statements per lead (1,000 leads on PGlite: 0.8 → 0.33 s; docs/sales.md).
    const [ids, counts] = await Promise.all([allLeadIds(trx, ws), openLeadActivityCounts(trx, ws)])
    const leads = await findLeads(trx, ws, { ids, ownerIds: null, limit: 100_000 })
    await setLeadScores(
      trx,
      ws,
      leads.map((lead) => ({
        id: lead.id,
        fitScore: fitScore(rules, lead),
        engagementScore: engagementScore(rules, counts.get(lead.id) ?? new Map()),
      })),
    )
    await audit(trx, actor, {
      action: 'update',
      objectType: 'lead_scoring_rules',
      details: { count: rules.length },
    })
  })
  return getScoringRules(deps, actor)
}

export async function getAssignmentRules(deps: Deps, actor: Actor): Promise<AssignmentRule[]> {
  authorize(actor, 'leads', 'read')
  return (await listAssignmentRules(deps.db, actor.workspaceId)).map(
    ({ id: _i, lastAssignedUserId: _l, ...r }) => r,
  )
}

export async function setAssignmentRules(
  deps: Deps,
  actor: Actor,
  rules: AssignmentRule[],
): Promise<AssignmentRule[]> {
  authorize(actor, 'leads', 'update')
  rules.forEach((r, i) => {
    if (!r.userId && !r.teamId) throw fieldError(`rules.${i}.teamId`, 'required')
    if (r.kind === 'territory' && (!r.matchField || !r.matchValue))
      throw fieldError(`rules.${i}.matchValue`, 'required')
  })
  await withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      await replaceAssignmentRules(trx, actor.workspaceId, rules)
      await audit(trx, actor, {
        action: 'update',
        objectType: 'lead_assignment_rules',
        details: { count: rules.length },
      })
    }),
  ).catch((err: unknown) => {
    // A team or member gone meanwhile: name the rule that holds it (rules.<i>.teamId), so the
    // editor shows the message at that rule's assignee.
    const named = withRecordPath(err, rules)
    const issue = named instanceof AppError ? named.errors?.[0] : undefined
    if (issue?.code !== 'unknown_reference') throw err
    throw fieldError(
      issue.path.startsWith('records.')
        ? issue.path.replace(/^records\./, 'rules.')
        : `rules.${issue.path || 'teamId'}`,
      'unknown_reference',
    )
  })
  return getAssignmentRules(deps, actor)
}
