import type { Selectable } from 'kysely'
import type { Role, VisibilityScope } from '../../../shared/permissions'
import type { Invitation } from '../../../shared/users.schema'
import type { Db } from '../../db/client'
import type { InvitationsTable } from '../../db/schema'

// One-time tokens of the account flows: invitations to join and admin-issued password resets.
// Only sha-256 hashes of the tokens are stored.

type InvitationRow = Selectable<InvitationsTable>

export function toInvitation(r: InvitationRow): Invitation {
  return {
    id: r.id,
    email: r.email,
    role: r.role as Role,
    scope: r.scope as VisibilityScope,
    expiresAt: r.expires_at.toISOString(),
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  }
}

export async function insertInvitation(
  db: Db,
  i: {
    workspaceId: string
    id: string
    email: string
    role: string
    scope: string
    tokenHash: string
    expiresAt: Date
    createdBy: string
  },
): Promise<Invitation> {
  const row = await db
    .insertInto('invitations')
    .values({
      workspace_id: i.workspaceId,
      id: i.id,
      email: i.email,
      role: i.role,
      scope: i.scope,
      token_hash: i.tokenHash,
      expires_at: i.expiresAt,
      created_by: i.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toInvitation(row)
}

/** A pending, unexpired invitation by its token hash, locked for the accepting transaction. */
export async function findOpenInvitation(db: Db, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', new Date())
    .forUpdate()
    .executeTakeFirst()
}

export async function markInvitationAccepted(db: Db, workspaceId: string, id: string) {
  await db
    .updateTable('invitations')
    .set({ accepted_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function listOpenInvitations(db: Db, workspaceId: string): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map(toInvitation)
}

/** Withdraws an invitation that has not been accepted; true when one was found. */
export async function deleteOpenInvitation(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('invitations')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}

export async function insertPasswordReset(
  db: Db,
  r: {
    workspaceId: string
    id: string
    userId: string
    tokenHash: string
    expiresAt: Date
    createdBy: string
  },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({
      workspace_id: r.workspaceId,
      id: r.id,
      user_id: r.userId,
      token_hash: r.tokenHash,
      expires_at: r.expiresAt,
      created_by: r.createdBy,
    })
    .execute()
}

export async function findOpenPasswordReset(db: Db, tokenHash: string) {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .forUpdate()
    .executeTakeFirst()
}

/** Uses up every open reset link of the user, so an older link cannot be used later. */
export async function markPasswordResetsUsed(db: Db, userId: string) {
  await db
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute()
}
