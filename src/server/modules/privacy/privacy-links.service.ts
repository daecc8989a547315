import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { newId } from '../../lib/ids'
import { newSignedToken, privacySecret, sha256, verifySignedToken } from './privacy.secret'
import { findLinkByHash, insertLink, type LinkRow } from './privacy-links.repo'

// Signed, expiring, single-purpose links to a person: a double opt-in confirmation (used once)
// or the preference centre (used until it expires or is revoked).

export type LinkKind = 'confirm_consent' | 'preference_centre'
export type LinkFailure = 'tampered' | 'unknown' | 'expired' | 'used' | 'revoked' | 'wrong_kind'

export class LinkError extends Error {
  constructor(readonly reason: LinkFailure) {
    super(`Link ${reason}`)
  }
  get status(): number {
    if (this.reason === 'tampered' || this.reason === 'wrong_kind') return 400
    if (this.reason === 'unknown') return 404
    return 410
  }
}

export async function createLink(
  deps: Deps,
  trx: Db,
  link: {
    workspaceId: string
    contactId: string
    kind: LinkKind
    purposeId?: string | null
    consentEventId?: string | null
    expiresAt: Date
    createdBy: string | null
  },
): Promise<{ id: string; url: string; token: string }> {
  const token = newSignedToken(await privacySecret(deps, trx))
  const id = newId()
  await insertLink(trx, {
    ...link,
    id,
    tokenHash: sha256(token),
    purposeId: link.purposeId ?? null,
    consentEventId: link.consentEventId ?? null,
  })
  const path = link.kind === 'confirm_consent' ? 'confirm' : 'preferences'
  return { id, token, url: `${deps.config.publicUrl}/privacy/${path}/${token}` }
}

/** The open link of a token, or a LinkError saying exactly why it cannot be used. */
export async function resolveLink(
  deps: Deps,
  db: Db,
  token: string,
  kind: LinkKind,
  forUpdate = false,
): Promise<LinkRow> {
  const hash = verifySignedToken(await privacySecret(deps, db), token)
  if (!hash) throw new LinkError('tampered')
  const link = await findLinkByHash(db, hash, forUpdate)
  if (!link) throw new LinkError('unknown')
  if (link.kind !== kind) throw new LinkError('wrong_kind')
  if (link.revoked_at) throw new LinkError('revoked')
  if (link.used_at && kind === 'confirm_consent') throw new LinkError('used')
  if (link.expires_at.getTime() <= Date.now()) throw new LinkError('expired')
  return link
}
