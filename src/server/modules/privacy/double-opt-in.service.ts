import type { Purpose } from '../../../shared/privacy.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { fieldError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import {
  findConsentEvent,
  insertConsentEvent,
  type ContactContactInfo,
  type NewConsentEvent,
} from './consents.repo'
import { sendMail } from './mailer'
import { createLink, LinkError, resolveLink } from './privacy-links.service'
import { markLinkUsed } from './privacy-links.repo'
import { recordSubjectAction, workspaceName } from './privacy.repo'
import { confirmationMail, type Lang } from './privacy.texts'
import { findPurpose } from './purposes.repo'

// Double opt-in: a grant stays pending until the person follows the signed, single-use link in
// the confirmation email. The confirmation is a new `granted` event with its own proof.

const confirmDays = 7

export async function sendConfirmationEmail(
  deps: Deps,
  trx: Db,
  opts: { contact: ContactContactInfo; purpose: Purpose; event: NewConsentEvent; actor: Actor },
): Promise<void> {
  const email = opts.contact.emails.find((e) => e.primary) ?? opts.contact.emails[0]
  if (!email) throw fieldError('doubleOptIn', 'no_email')
  const link = await createLink(deps, trx, {
    workspaceId: opts.actor.workspaceId,
    contactId: opts.contact.id,
    kind: 'confirm_consent',
    purposeId: opts.purpose.id,
    consentEventId: opts.event.id,
    expiresAt: new Date(Date.now() + confirmDays * 24 * 3600 * 1000),
    createdBy: opts.actor.userId,
  })
  const lang: Lang = opts.contact.language === 'en' ? 'en' : 'fi'
  const org = await workspaceName(trx, opts.actor.workspaceId)
  await sendMail(deps.config, {
    to: email.address,
    ...confirmationMail(lang, { org, purpose: opts.purpose, url: link.url, days: confirmDays }),
  })
}

/** The purpose a confirmation link is for, to show on the page before the person confirms. */
export async function peekConfirmation(
  deps: Deps,
  token: string,
): Promise<{ purpose: Purpose; linkId: string; org: string }> {
  const link = await resolveLink(deps, deps.db, token, 'confirm_consent')
  const purpose = link.purpose_id
    ? await findPurpose(deps.db, link.workspace_id, { id: link.purpose_id })
    : undefined
  if (!purpose) throw new LinkError('unknown')
  return { purpose, linkId: link.id, org: await workspaceName(deps.db, link.workspace_id) }
}

export async function confirmConsent(
  deps: Deps,
  token: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<Purpose> {
  return deps.db.transaction().execute(async (trx) => {
    const link = await resolveLink(deps, trx, token, 'confirm_consent', true)
    const pending = link.consent_event_id
      ? await findConsentEvent(trx, link.workspace_id, link.consent_event_id)
      : undefined
    const purpose = link.purpose_id
      ? await findPurpose(trx, link.workspace_id, { id: link.purpose_id })
      : undefined
    if (!pending || !purpose) throw new LinkError('unknown')
    const now = new Date()
    const id = newId()
    await insertConsentEvent(trx, {
      id,
      workspaceId: link.workspace_id,
      contactId: link.contact_id,
      purposeId: purpose.id,
      status: 'granted',
      channels: pending.channels,
      occurredAt: now,
      source: 'double_opt_in',
      textVersion: pending.textVersion,
      ip: meta.ip,
      userAgent: meta.userAgent,
      confirmedAt: now,
      note: null,
      actorUserId: null,
      actorApiKeyId: null,
    })
    await markLinkUsed(trx, link.workspace_id, link.id)
    await recordSubjectAction(trx, {
      workspaceId: link.workspace_id,
      contactId: link.contact_id,
      action: 'consent_granted',
      ip: meta.ip,
      details: { purposeKey: purpose.key, consentEventId: id, via: 'double_opt_in' },
    })
    return purpose
  })
}
