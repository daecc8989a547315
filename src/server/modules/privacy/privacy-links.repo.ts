import type { Selectable } from 'kysely'
import type { Db } from '../../db/client'
import type { PrivacyLinksTable } from '../../db/schema'

export type LinkRow = Selectable<PrivacyLinksTable>

export async function insertLink(
  db: Db,
  link: {
    workspaceId: string
    id: string
    tokenHash: string
    contactId: string
    kind: 'confirm_consent' | 'preference_centre'
    purposeId: string | null
    consentEventId: string | null
    expiresAt: Date
    createdBy: string | null
  },
): Promise<void> {
  await db
    .insertInto('privacy_links')
    .values({
      workspace_id: link.workspaceId,
      id: link.id,
      token_hash: link.tokenHash,
      contact_id: link.contactId,
      kind: link.kind,
      purpose_id: link.purposeId,
      consent_event_id: link.consentEventId,
      expires_at: link.expiresAt,
      created_by: link.createdBy,
    })
    .execute()
}

export async function findLinkByHash(
  db: Db,
  tokenHash: string,
  forUpdate = false,
): Promise<LinkRow | undefined> {
  let q = db.selectFrom('privacy_links').selectAll().where('token_hash', '=', tokenHash)
  if (forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function markLinkUsed(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .updateTable('privacy_links')
    .set({ used_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

/** Revokes one link, or every open link of the contact when id is null. */
export async function revokeLinks(
  db: Db,
  workspaceId: string,
  contactId: string,
  id: string | null,
): Promise<number> {
  let q = db
    .updateTable('privacy_links')
    .set({ revoked_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('revoked_at', 'is', null)
  if (id) q = q.where('id', '=', id)
  const r = await q.executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function listLinks(db: Db, workspaceId: string, contactId: string) {
  return db
    .selectFrom('privacy_links')
    .select(['id', 'kind', 'purpose_id', 'expires_at', 'used_at', 'revoked_at', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .orderBy('created_at', 'desc')
    .execute()
}
