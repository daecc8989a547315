import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { newId } from '../../lib/ids'

// Shared SQL of the privacy module: the installation secret, and history written on behalf of
// the person themself (preference centre, confirmation links), who is no user of the workspace.

const secretKey = 'privacy_secret'

export async function storeSecretIfMissing(db: Db, secret: string): Promise<void> {
  await db
    .insertInto('maintenance_state')
    .values({ key: secretKey, value: JSON.stringify({ secret }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

export async function readSecret(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('maintenance_state')
    .select('value')
    .where('key', '=', secretKey)
    .executeTakeFirst()
  const secret = row?.value.secret
  return typeof secret === 'string' ? secret : undefined
}

export type SubjectEntry = {
  workspaceId: string
  contactId: string
  action: string
  ip: string | null
  details: Record<string, unknown>
  changes?: { field: string; old: unknown; new: unknown }[]
  /** Reads and downloads go to the audit log only; changes also to the contact's timeline. */
  timeline?: boolean
}

/** Audit entry and timeline event of something the person did through a signed link. */
export async function recordSubjectAction(db: Db, e: SubjectEntry): Promise<void> {
  const details = { ...e.details, actor: 'data_subject' }
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: e.workspaceId,
      id: newId(),
      action: e.action,
      object_type: 'contact',
      record_id: e.contactId,
      record_count: 1,
      ip: e.ip,
      details: JSON.stringify(details),
    })
    .execute()
  if (e.timeline === false) return
  await db
    .insertInto('timeline_events')
    .values({
      workspace_id: e.workspaceId,
      id: newId(),
      object_type: 'contact',
      record_id: e.contactId,
      // The audit log says 'update'; the timeline's own word for a field change is 'updated'.
      event_type: e.action === 'update' ? 'updated' : e.action,
      changes: e.changes?.length ? JSON.stringify(e.changes) : null,
      data: JSON.stringify(details),
    })
    .execute()
}

export async function workspaceName(db: Db, workspaceId: string): Promise<string> {
  const r = await db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', workspaceId)
    .executeTakeFirst()
  return r?.name ?? ''
}

/** Lets the erasure transaction rewrite append-only history (see forbid_history_rewrite). */
export async function allowHistoryRewrite(trx: Db): Promise<void> {
  await sql`set local suhde.allow_history_rewrite = 'on'`.execute(trx)
}
