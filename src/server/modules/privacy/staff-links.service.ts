import type { Deps } from '../../deps'
import { AppError, fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { getContact } from '../contacts/contacts-read.service'
import { findContactInfo } from './consents.repo'
import { sendMail } from './mailer'
import { createLink, type LinkKind } from './privacy-links.service'
import { listLinks, revokeLinks } from './privacy-links.repo'
import { workspaceName } from './privacy.repo'
import { preferenceMail } from './preference-centre.mail'

// Staff make (and revoke) preference-centre links for a contact; the link may be emailed.

export async function createPreferenceLink(
  deps: Deps,
  actor: Actor,
  contactId: string,
  input: { expiresInDays: number; send: boolean },
) {
  authorize(actor, 'consents', 'create')
  await getContact(deps, actor, contactId)
  return deps.db.transaction().execute(async (trx) => {
    const contact = await findContactInfo(trx, actor.workspaceId, contactId)
    if (!contact) throw notFound('Contact')
    if (contact.erased) throw new AppError('CONFLICT', 'The contact has been erased')
    const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 3600 * 1000)
    const link = await createLink(deps, trx, {
      workspaceId: actor.workspaceId,
      contactId,
      kind: 'preference_centre',
      expiresAt,
      createdBy: actor.userId,
    })
    let sentTo: string | null = null
    if (input.send) {
      const email = contact.emails.find((e) => e.primary) ?? contact.emails[0]
      if (!email) throw fieldError('send', 'no_email')
      const lang = contact.language === 'en' ? 'en' : 'fi'
      const org = await workspaceName(trx, actor.workspaceId)
      await sendMail(deps.config, { to: email.address, ...preferenceMail(lang, org, link.url) })
      sentTo = email.address
    }
    await audit(trx, actor, {
      action: 'privacy_link_created',
      objectType: 'contact',
      recordIds: [contactId],
      details: { linkId: link.id, sent: sentTo !== null },
    })
    return { id: link.id, url: link.url, expiresAt: expiresAt.toISOString(), sentTo }
  })
}

export async function listPreferenceLinks(deps: Deps, actor: Actor, contactId: string) {
  authorize(actor, 'consents', 'read')
  await getContact(deps, actor, contactId)
  const rows = await listLinks(deps.db, actor.workspaceId, contactId)
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as LinkKind,
    expiresAt: r.expires_at.toISOString(),
    usedAt: r.used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  }))
}

export async function revokePreferenceLink(
  deps: Deps,
  actor: Actor,
  contactId: string,
  linkId: string,
): Promise<void> {
  authorize(actor, 'consents', 'update')
  await getContact(deps, actor, contactId)
  await deps.db.transaction().execute(async (trx) => {
    const n = await revokeLinks(trx, actor.workspaceId, contactId, linkId)
    if (n === 0) throw notFound('Open privacy link')
    await audit(trx, actor, {
      action: 'privacy_link_revoked',
      objectType: 'contact',
      recordIds: [contactId],
      details: { linkId },
    })
  })
}
