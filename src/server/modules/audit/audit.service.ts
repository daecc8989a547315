import type { Db } from '../../db/client'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { insertAuditEntries, type NewAuditEntry } from './audit.repo'

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'read'
  | 'list'
  | 'export'
  | 'login'
  | 'logout'
  | (string & {})

export type AuditInput = {
  action: AuditAction
  objectType: string
  recordIds?: string[]
  details?: Record<string, unknown>
}

// One entry per record for single-record work; a bulk or list read of many records becomes one
// entry with the count and the ids in details, so the log stays readable and cheap to write.
const perRecordLimit = 10

/** The rows one audited action becomes: one per record, or one for many records. */
export function auditEntries(actor: Actor, input: AuditInput): NewAuditEntry[] {
  const ids = input.recordIds ?? []
  const base = {
    workspaceId: actor.workspaceId,
    action: input.action,
    objectType: input.objectType,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    requestId: actor.requestId,
    ip: actor.ip,
  }
  if (ids.length > 0 && ids.length <= perRecordLimit) {
    return ids.map((id) => ({
      ...base,
      id: newId(),
      recordId: id,
      recordCount: 1,
      details: input.details ?? null,
    }))
  }
  return [
    {
      ...base,
      id: newId(),
      recordId: null,
      recordCount: ids.length,
      details: { ...input.details, ...(ids.length ? { recordIds: ids } : {}) },
    },
  ]
}

/** Appends to the audit log in the caller's transaction. */
export async function audit(db: Db, actor: Actor, input: AuditInput): Promise<void> {
  await insertAuditEntries(db, auditEntries(actor, input))
}
