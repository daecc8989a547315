import type { ConsentCreate, ContactConsents, Purpose } from '../../../shared/privacy.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError, fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { getContact } from '../contacts/contacts-read.service'
import { recordEvents } from '../timeline/timeline.service'
import { currentStates, decide, type ContactDecision } from './consents.state'
import {
  contactErasedAt,
  findContactInfo,
  insertConsentEvent,
  listConsentEvents,
  type NewConsentEvent,
} from './consents.repo'
import { sendConfirmationEmail } from './double-opt-in.service'
import { findPurpose, listPurposeRows } from './purposes.repo'

// Consent per contact and purpose (GDPR-1). The history is append-only: a change is a new
// event, never an update. mayContact is THE check every send path must call.

export async function consentsOf(db: Db, workspaceId: string, contactId: string) {
  const [purposes, history] = await Promise.all([
    listPurposeRows(db, workspaceId),
    listConsentEvents(db, workspaceId, contactId),
  ])
  return { current: currentStates(purposes, history), history, purposes }
}

async function contactConsents(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<ContactConsents> {
  const [{ current, history }, erasedAt] = await Promise.all([
    consentsOf(db, workspaceId, contactId),
    contactErasedAt(db, workspaceId, contactId),
  ])
  return { current, history, erasedAt: erasedAt?.toISOString() ?? null }
}

export async function getConsents(
  deps: Deps,
  actor: Actor,
  contactId: string,
): Promise<ContactConsents> {
  authorize(actor, 'consents', 'read')
  await getContact(deps, actor, contactId)
  const consents = await contactConsents(deps.db, actor.workspaceId, contactId)
  await audit(deps.db, actor, {
    action: 'read',
    objectType: 'consent',
    recordIds: [contactId],
  })
  return consents
}

const futureSlackMs = 5 * 60 * 1000

/** Refuses an event that would rewrite the story: unknown purpose, wrong channel, out of order. */
export async function checkConsentEvent(
  db: Db,
  workspaceId: string,
  contactId: string,
  input: Pick<ConsentCreate, 'purposeKey' | 'status' | 'channels' | 'textVersion'>,
  occurredAt: Date,
): Promise<Purpose> {
  const purpose = await findPurpose(db, workspaceId, { key: input.purposeKey })
  if (!purpose) throw fieldError('purposeKey', 'unknown_purpose')
  if (!purpose.isActive && input.status === 'granted')
    throw fieldError('purposeKey', 'inactive_purpose')
  for (const [i, ch] of (input.channels ?? []).entries())
    if (!purpose.channels.includes(ch)) throw fieldError(`channels.${i}`, 'channel_not_in_purpose')
  if (input.textVersion !== undefined && input.textVersion > purpose.textVersion)
    throw fieldError('textVersion', 'unknown_text_version')
  if (occurredAt.getTime() > Date.now() + futureSlackMs) throw fieldError('occurredAt', 'in_future')
  const history = await listConsentEvents(db, workspaceId, contactId, purpose.id)
  const latestGrant = history.find((e) => e.status === 'granted')
  if (input.status === 'withdrawn' && latestGrant && new Date(latestGrant.occurredAt) > occurredAt)
    throw fieldError('occurredAt', 'before_latest_grant')
  const latest = history.find((e) => e.status !== 'pending')
  if (latest && new Date(latest.occurredAt) > occurredAt)
    throw fieldError('occurredAt', 'before_latest_event')
  return purpose
}

export type ConsentMeta = { ip: string | null; userAgent: string | null }

export async function recordConsent(
  deps: Deps,
  actor: Actor,
  contactId: string,
  input: ConsentCreate,
): Promise<ContactConsents> {
  authorize(actor, 'consents', 'create')
  await getContact(deps, actor, contactId)
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date()
  await deps.db.transaction().execute(async (trx) => {
    const contact = await findContactInfo(trx, actor.workspaceId, contactId, true)
    if (!contact) throw notFound('Contact')
    if (contact.erased) throw new AppError('CONFLICT', 'The contact has been erased')
    const purpose = await checkConsentEvent(trx, actor.workspaceId, contactId, input, occurredAt)
    const wantsDoi =
      input.status === 'granted' && (input.doubleOptIn ?? purpose.requiresDoubleOptIn)
    const event: NewConsentEvent = {
      id: newId(),
      workspaceId: actor.workspaceId,
      contactId,
      purposeId: purpose.id,
      status: wantsDoi ? 'pending' : input.status,
      channels: input.channels ?? [],
      occurredAt,
      source: input.source,
      textVersion: input.textVersion ?? purpose.textVersion,
      ip: input.ip ?? null,
      userAgent: input.userAgent ?? null,
      confirmedAt: null,
      note: input.note ?? null,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId,
    }
    await insertConsentEvent(trx, event)
    await recordEvents(trx, actor, [
      {
        objectType: 'contact',
        recordId: contactId,
        eventType: `consent_${event.status}`,
        data: { purposeKey: purpose.key, source: event.source, consentEventId: event.id },
      },
    ])
    await audit(trx, actor, {
      action: `consent_${event.status}`,
      objectType: 'contact',
      recordIds: [contactId],
      details: { purposeKey: purpose.key, consentEventId: event.id },
    })
    if (wantsDoi) await sendConfirmationEmail(deps, trx, { contact, purpose, event, actor })
  })
  return contactConsents(deps.db, actor.workspaceId, contactId)
}

/**
 * May we contact this person for this purpose on this channel? Every send path (newsletters,
 * campaigns, SMS, automations) must ask this before sending and skip the person on `false`.
 * It answers false for an unknown or inactive purpose, a channel the purpose does not use, a
 * deleted or erased contact, a contact with no address on the channel, and — by legal basis —
 * no confirmed grant (consent) or an objection (legitimate interest).
 */
export async function mayContact(
  deps: Pick<Deps, 'db'>,
  workspaceId: string,
  contactId: string,
  purposeKey: string,
  channel: string,
): Promise<ContactDecision> {
  const purpose = await findPurpose(deps.db, workspaceId, { key: purposeKey })
  if (!purpose) return { allowed: false, reason: 'unknown_purpose' }
  if (!purpose.isActive) return { allowed: false, reason: 'inactive_purpose' }
  if (!purpose.channels.includes(channel as never))
    return { allowed: false, reason: 'channel_not_in_purpose' }
  const contact = await findContactInfo(deps.db, workspaceId, contactId)
  if (!contact || contact.deleted) return { allowed: false, reason: 'contact_not_found' }
  if (contact.erased) return { allowed: false, reason: 'erased' }
  const reachable =
    channel === 'email'
      ? contact.emails.length > 0
      : channel === 'post'
        ? contact.hasAddress
        : contact.phones.length > 0
  if (!reachable) return { allowed: false, reason: 'no_address' }
  const history = await listConsentEvents(deps.db, workspaceId, contactId, purpose.id)
  return decide(purpose, channel, history)
}
