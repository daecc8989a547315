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
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', userId)
    .execute()
}
