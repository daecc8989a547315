import type { Role, VisibilityScope } from '../../../shared/permissions'
import type { User } from '../../../shared/users.schema'
import type { Db } from '../../db/client'

export async function insertUser(
  db: Db,
  u: {
    id: string
    email: string
    name: string
    passwordHash: string | null
    language?: string | null
  },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id,
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      language: u.language ?? null,
    })
    .execute()
}

export async function insertMembership(
  db: Db,
  m: { workspaceId: string; userId: string; role: string; scope?: string },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      workspace_id: m.workspaceId,
      user_id: m.userId,
      role: m.role,
      scope: m.scope ?? 'all',
    })
    .execute()
}

export async function updateUserPassword(
  db: Db,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_generated: false, updated_at: new Date() })
    .where('id', '=', userId)
    .execute()
}

/** Members of the workspace with their user fields, last session activity and teams. */
export async function findMembers(
  db: Db,
  workspaceId: string,
  ids: string[] | null,
  forUpdate = false,
): Promise<User[]> {
  if (ids?.length === 0) return []
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.is_active',
      'm.role',
      'm.scope',
      'm.created_at',
      (eb) =>
        eb
          .selectFrom('sessions as s')
          .select((e) => e.fn.max('s.last_seen_at').as('seen'))
          .whereRef('s.user_id', '=', 'm.user_id')
          .whereRef('s.workspace_id', '=', 'm.workspace_id')
          .as('last_seen_at'),
    ])
    .where('m.workspace_id', '=', workspaceId)
  if (ids) q = q.where('m.user_id', 'in', ids)
  if (forUpdate) q = q.forUpdate('m')
  const rows = await q.orderBy('u.name').orderBy('u.id').execute()
  const teams = await teamsOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    scope: r.scope as VisibilityScope,
    teams: teams.get(r.id) ?? [],
    isActive: r.is_active,
    lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
    createdAt: r.created_at.toISOString(),
  }))
}

async function teamsOf(db: Db, workspaceId: string, userIds: string[]) {
  const out = new Map<string, { id: string; name: string }[]>()
  if (userIds.length === 0) return out
  const rows = await db
    .selectFrom('team_members as tm')
    .innerJoin('teams as t', (j) =>
      j.onRef('t.workspace_id', '=', 'tm.workspace_id').onRef('t.id', '=', 'tm.team_id'),
    )
    .select(['tm.user_id', 't.id', 't.name'])
    .where('tm.workspace_id', '=', workspaceId)
    .where('tm.user_id', 'in', userIds)
    .orderBy('t.name')
    .execute()
  for (const r of rows)
    out.set(r.user_id, [...(out.get(r.user_id) ?? []), { id: r.id, name: r.name }])
  return out
}

export async function updateMembership(
  db: Db,
  workspaceId: string,
  userId: string,
  patch: { role?: string; scope?: string },
): Promise<void> {
  if (patch.role === undefined && patch.scope === undefined) return
  await db
    .updateTable('memberships')
    .set({
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.scope !== undefined ? { scope: patch.scope } : {}),
    })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute()
}

export async function updateUserRow(
  db: Db,
  userId: string,
  patch: { name?: string; isActive?: boolean },
): Promise<void> {
  if (patch.name === undefined && patch.isActive === undefined) return
  await db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute()
}

export async function deleteMembership(db: Db, workspaceId: string, userId: string) {
  await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute()
}

/** Active admins of the workspace other than `exceptUserId`, locked so two demotions cannot race. */
export async function countOtherActiveAdmins(
  db: Db,
  workspaceId: string,
  exceptUserId: string,
): Promise<number> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.workspace_id', '=', workspaceId)
    .where('m.role', '=', 'admin')
    .where('u.is_active', '=', true)
    .where('m.user_id', '!=', exceptUserId)
    .forUpdate('m')
    .execute()
  return rows.length
}

export async function countMemberships(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Ends a user's sessions: in one workspace, or everywhere when no workspace is given. */
export async function deleteSessions(db: Db, userId: string, workspaceId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (workspaceId) q = q.where('workspace_id', '=', workspaceId)
  await q.execute()
}

export async function findUserIdByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'is_active'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst()
}
