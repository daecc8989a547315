import { sql, type Selectable } from 'kysely'
import type { PrivacyRequest } from '../../../shared/privacy.schema'
import type { Db } from '../../db/client'
import type { PrivacyRequestsTable } from '../../db/schema'

type Row = Selectable<PrivacyRequestsTable> & { contact_name: string | null }

// The name (or first email) of the request's contact, so the request log can show who asked;
// '' once the person has been erased, null when the request names no contact.
const contactName = sql<string | null>`(
  select coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''),
                  c.emails->0->>'address', '')
  from contacts c where c.workspace_id = r.workspace_id and c.id = r.contact_id)`.as('contact_name')

export function toRequest(r: Row, now = new Date()): PrivacyRequest {
  const open = r.status === 'received' || r.status === 'in_progress'
  return {
    id: r.id,
    contactId: r.contact_id,
    contactName: r.contact_id ? (r.contact_name ?? '') : null,
    type: r.type as PrivacyRequest['type'],
    status: r.status as PrivacyRequest['status'],
    channel: r.channel as PrivacyRequest['channel'],
    receivedAt: r.received_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    isOverdue: open && r.due_at.getTime() < now.getTime(),
    handlerId: r.handler_id,
    evidence: r.evidence,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

export type NewRequest = {
  workspaceId: string
  id: string
  contactId: string | null
  type: string
  channel: string
  receivedAt: Date
  dueAt: Date
  handlerId: string | null
  evidence: string
  notes: string
  createdBy: string | null
}

export async function insertRequest(db: Db, r: NewRequest): Promise<PrivacyRequest> {
  await db
    .insertInto('privacy_requests')
    .values({
      workspace_id: r.workspaceId,
      id: r.id,
      contact_id: r.contactId,
      type: r.type,
      channel: r.channel,
      received_at: r.receivedAt,
      due_at: r.dueAt,
      handler_id: r.handlerId,
      evidence: r.evidence,
      notes: r.notes,
      created_by: r.createdBy,
    })
    .execute()
  const row = await findRequest(db, r.workspaceId, r.id)
  if (!row) throw new Error('The request just inserted was not found')
  return row
}

export async function findRequest(db: Db, workspaceId: string, id: string, forUpdate = false) {
  let q = db
    .selectFrom('privacy_requests as r')
    .selectAll('r')
    .select(contactName)
    .where('r.workspace_id', '=', workspaceId)
    .where('r.id', '=', id)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && toRequest(row)
}

export async function listRequestRows(
  db: Db,
  workspaceId: string,
  f: { status?: string; overdue?: boolean; contactId?: string; limit: number },
): Promise<PrivacyRequest[]> {
  let q = db
    .selectFrom('privacy_requests as r')
    .selectAll('r')
    .select(contactName)
    .where('r.workspace_id', '=', workspaceId)
  if (f.status) q = q.where('r.status', '=', f.status)
  if (f.contactId) q = q.where('r.contact_id', '=', f.contactId)
  if (f.overdue !== undefined) {
    const now = new Date()
    q = f.overdue
      ? q.where('r.status', 'in', ['received', 'in_progress']).where('r.due_at', '<', now)
      : q.where((eb) =>
          eb.or([eb('r.status', 'not in', ['received', 'in_progress']), eb('r.due_at', '>=', now)]),
        )
  }
  const rows = await q.orderBy('r.due_at').orderBy('r.id').limit(f.limit).execute()
  return rows.map((r) => toRequest(r))
}

export async function updateRequestRow(
  db: Db,
  workspaceId: string,
  id: string,
  set: {
    status?: string
    handler_id?: string | null
    evidence?: string
    notes?: string
    completed_at?: Date | null
  },
): Promise<PrivacyRequest> {
  await db
    .updateTable('privacy_requests')
    .set({ ...set, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const row = await findRequest(db, workspaceId, id)
  if (!row) throw new Error('The request just updated was not found')
  return row
}

/** Marks the erasure request of the contact done, with the time of erasure as evidence. */
export async function completeRequestAfterErasure(
  db: Db,
  workspaceId: string,
  id: string,
  contactId: string,
  done: { erasedAt: Date; evidence: string },
): Promise<boolean> {
  const { erasedAt, evidence } = done
  const r = await db
    .updateTable('privacy_requests')
    .set({
      status: 'completed',
      completed_at: erasedAt,
      evidence,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
