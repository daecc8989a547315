import type {
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestUpdate,
} from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { getContact } from '../contacts/contacts-read.service'
import { diffFields, recordEvents } from '../timeline/timeline.service'
import {
  findRequest,
  insertRequest,
  listRequestRows,
  updateRequestRow,
} from './privacy-requests.repo'

// Data subject requests (GDPR-3): a log with the 30-day deadline of art. 12(3), who handles
// each, and the evidence of what was done.

export const responseDays = 30
export const dueFrom = (received: Date) => new Date(received.getTime() + responseDays * 86400_000)

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    const constraint = (err as { constraint?: string }).constraint ?? ''
    if (constraint.includes('handler')) throw fieldError('handlerId', 'unknown_reference')
    throw mapDbError(err)
  }
}

export async function createPrivacyRequest(
  deps: Deps,
  actor: Actor,
  input: PrivacyRequestCreate,
): Promise<PrivacyRequest> {
  authorize(actor, 'privacy-requests', 'create')
  if (input.contactId) {
    try {
      await getContact(deps, actor, input.contactId)
    } catch {
      throw fieldError('contactId', 'unknown_reference')
    }
  }
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date()
  if (receivedAt.getTime() > Date.now() + 300_000) throw fieldError('receivedAt', 'in_future')
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const r = await insertRequest(trx, {
        workspaceId: actor.workspaceId,
        id: newId(),
        contactId: input.contactId ?? null,
        type: input.type,
        channel: input.channel,
        receivedAt,
        dueAt: dueFrom(receivedAt),
        handlerId: input.handlerId ?? null,
        evidence: input.evidence,
        notes: input.notes,
        createdBy: actor.userId,
      })
      await recordEvents(trx, actor, [
        { objectType: 'privacy_request', recordId: r.id, eventType: 'created' },
      ])
      await audit(trx, actor, {
        action: 'create',
        objectType: 'privacy_request',
        recordIds: [r.id],
        details: { type: r.type, contactId: r.contactId },
      })
      return r
    }),
  )
}

export async function listPrivacyRequests(
  deps: Deps,
  actor: Actor,
  q: { status?: string; overdue?: 'true' | 'false'; contactId?: string; limit: number },
): Promise<PrivacyRequest[]> {
  authorize(actor, 'privacy-requests', 'read')
  return listRequestRows(deps.db, actor.workspaceId, {
    ...q,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
  })
}

export async function getPrivacyRequest(deps: Deps, actor: Actor, id: string) {
  authorize(actor, 'privacy-requests', 'read')
  const r = await findRequest(deps.db, actor.workspaceId, id)
  if (!r) throw notFound('Privacy request')
  return r
}

export async function updatePrivacyRequest(
  deps: Deps,
  actor: Actor,
  id: string,
  input: PrivacyRequestUpdate,
): Promise<PrivacyRequest> {
  authorize(actor, 'privacy-requests', 'update')
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const before = await findRequest(trx, actor.workspaceId, id, true)
      if (!before) throw notFound('Privacy request')
      const closing = input.status === 'completed' || input.status === 'rejected'
      const after = await updateRequestRow(trx, actor.workspaceId, id, {
        status: input.status,
        handler_id: input.handlerId,
        evidence: input.evidence,
        notes: input.notes,
        completed_at:
          input.status === undefined
            ? undefined
            : closing
              ? new Date(before.completedAt ?? Date.now())
              : null,
      })
      const changes = diffFields(before, after, ['status', 'handlerId', 'evidence', 'notes'])
      if (changes.length) {
        await recordEvents(trx, actor, [
          { objectType: 'privacy_request', recordId: id, eventType: 'updated', changes },
        ])
        await audit(trx, actor, {
          action: 'update',
          objectType: 'privacy_request',
          recordIds: [id],
        })
      }
      return after
    }),
  )
}
