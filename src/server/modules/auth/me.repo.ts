import type { Db } from '../../db/client'

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updateUserProfile(
  db: Db,
  id: string,
  patch: { name?: string; language?: string | null },
): Promise<void> {
  if (patch.name === undefined && patch.language === undefined) return
  await db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

export async function setPasswordGenerated(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ password_generated: true }).where('id', '=', id).execute()
}
