import type { Selectable } from 'kysely'
import type { ConsentEvent } from '../../../shared/privacy.schema'
import type { Db } from '../../db/client'
import type { ConsentEventsTable, EmailEntry, PhoneEntry } from '../../db/schema'

type Row = Selectable<ConsentEventsTable> & { purpose_key: string }

export type NewConsentEvent = {
  id: string
  workspaceId: string
  contactId: string
  purposeId: string
  status: 'pending' | 'granted' | 'withdrawn'
  channels: string[]
  occurredAt: Date
  source: string
  textVersion: number | null
  ip: string | null
  userAgent: string | null
  confirmedAt: Date | null
  note: string | null
  actorUserId: string | null
  actorApiKeyId: string | null
}

function toEvent(r: Row): ConsentEvent {
  return {
    id: r.id,
    purposeId: r.purpose_id,
    purposeKey: r.purpose_key,
    status: r.status as ConsentEvent['status'],
    channels: r.channels as ConsentEvent['channels'],
    occurredAt: r.occurred_at.toISOString(),
    source: r.source as ConsentEvent['source'],
    textVersion: r.text_version,
    ip: r.ip,
    userAgent: r.user_agent,
    confirmedAt: r.confirmed_at ? r.confirmed_at.toISOString() : null,
    note: r.note,
    actorUserId: r.actor_user_id,
    actorApiKeyId: r.actor_api_key_id,
    createdAt: r.created_at.toISOString(),
  }
}

export async function insertConsentEvent(db: Db, e: NewConsentEvent): Promise<void> {
  await db
    .insertInto('consent_events')
    .values({
      workspace_id: e.workspaceId,
      id: e.id,
      contact_id: e.contactId,
      purpose_id: e.purposeId,
      status: e.status,
      channels: e.channels,
      occurred_at: e.occurredAt,
      source: e.source,
      text_version: e.textVersion,
      ip: e.ip,
      user_agent: e.userAgent,
      confirmed_at: e.confirmedAt,
      note: e.note,
      actor_user_id: e.actorUserId,
      actor_api_key_id: e.actorApiKeyId,
    })
    .execute()
}

/** The whole history of a contact, newest first (by when it happened, then when recorded). */
export async function listConsentEvents(
  db: Db,
  workspaceId: string,
  contactId: string,
  purposeId?: string,
): Promise<ConsentEvent[]> {
  let q = db
    .selectFrom('consent_events as e')
    .innerJoin('purposes as p', (j) =>
      j.onRef('p.workspace_id', '=', 'e.workspace_id').onRef('p.id', '=', 'e.purpose_id'),
    )
    .selectAll('e')
    .select('p.key as purpose_key')
    .where('e.workspace_id', '=', workspaceId)
    .where('e.contact_id', '=', contactId)
  if (purposeId) q = q.where('e.purpose_id', '=', purposeId)
  const rows = await q.orderBy('e.occurred_at', 'desc').orderBy('e.created_at', 'desc').execute()
  return rows.map(toEvent)
}

export async function findConsentEvent(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ConsentEvent | undefined> {
  const row = await db
    .selectFrom('consent_events as e')
    .innerJoin('purposes as p', (j) =>
      j.onRef('p.workspace_id', '=', 'e.workspace_id').onRef('p.id', '=', 'e.purpose_id'),
    )
    .selectAll('e')
    .select('p.key as purpose_key')
    .where('e.workspace_id', '=', workspaceId)
    .where('e.id', '=', id)
    .executeTakeFirst()
  return row && toEvent(row)
}

export type ContactContactInfo = {
  id: string
  firstName: string | null
  lastName: string | null
  emails: EmailEntry[]
  phones: PhoneEntry[]
  hasAddress: boolean
  language: string | null
  deleted: boolean
  erased: boolean
}

/** What a send path needs to know of a contact: where to reach them and whether they exist. */
export async function findContactInfo(
  db: Db,
  workspaceId: string,
  contactId: string,
  forUpdate = false,
): Promise<ContactContactInfo | undefined> {
  let q = db
    .selectFrom('contacts as c')
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.emails',
      'c.phones',
      'c.address',
      'c.language',
      'c.deleted_at',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('erased_subjects as s')
            .select('s.id')
            .whereRef('s.workspace_id', '=', 'c.workspace_id')
            .whereRef('s.contact_id', '=', 'c.id')
            .where('s.kind', '=', 'contact'),
        )
        .as('erased'),
    )
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', '=', contactId)
  if (forUpdate) q = q.forUpdate()
  const r = await q.executeTakeFirst()
  if (!r) return undefined
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    emails: r.emails,
    phones: r.phones,
    hasAddress: r.address !== null,
    language: r.language,
    deleted: r.deleted_at !== null,
    erased: Boolean(r.erased),
  }
}

/** When the contact was erased, or null: staff see the record as anonymised. */
export async function contactErasedAt(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<Date | null> {
  const r = await db
    .selectFrom('erased_subjects')
    .select('erased_at')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('kind', '=', 'contact')
    .executeTakeFirst()
  return r?.erased_at ?? null
}
