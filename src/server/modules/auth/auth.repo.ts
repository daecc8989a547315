import type { Db } from '../../db/client'

export type MembershipRow = { workspace_id: string; user_id: string; role: string; scope: string }

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst()
}

export async function findMembership(
  db: Db,
  userId: string,
  workspaceId?: string,
): Promise<MembershipRow | undefined> {
  let q = db
    .selectFrom('memberships')
    .select(['workspace_id', 'user_id', 'role', 'scope'])
    .where('user_id', '=', userId)
  if (workspaceId) q = q.where('workspace_id', '=', workspaceId)
  return q.orderBy('created_at').executeTakeFirst()
}

export async function insertSession(
  db: Db,
  s: {
    id: string
    userId: string
    workspaceId: string
    expiresAt: Date
    ip: string | null
    userAgent: string | null
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      workspace_id: s.workspaceId,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute()
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

/** The session with the membership it acts under; a removed member's session finds nothing. */
export async function findSessionActor(db: Db, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 's.user_id').onRef('m.workspace_id', '=', 's.workspace_id'),
    )
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.workspace_id',
      's.expires_at',
      's.last_seen_at',
      'm.role',
      'm.scope',
    ])
    .where('s.id', '=', id)
    .where('u.is_active', '=', true)
    .executeTakeFirst()
}

export async function touchSession(db: Db, id: string, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('id', '=', id)
    .execute()
}

export async function findApiKeyActor(db: Db, prefix: string) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'k.created_by').onRef('m.workspace_id', '=', 'k.workspace_id'),
    )
    .innerJoin('users as u', 'u.id', 'k.created_by')
    .select([
      'k.id',
      'k.workspace_id',
      'k.key_hash',
      'k.scopes',
      'k.expires_at',
      'k.revoked_at',
      'k.last_used_at',
      'k.created_by',
      'm.role',
      'm.scope',
    ])
    .where('k.prefix', '=', prefix)
    .where('u.is_active', '=', true)
    .executeTakeFirst()
}

export async function touchApiKey(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}
