import type { Db } from '../../db/client'

/** Users who share at least one team with the user, the user included. */
export async function listTeammateIds(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members as mine')
    .innerJoin('team_members as other', (j) =>
      j
        .onRef('other.workspace_id', '=', 'mine.workspace_id')
        .onRef('other.team_id', '=', 'mine.team_id'),
    )
    .where('mine.workspace_id', '=', workspaceId)
    .where('mine.user_id', '=', userId)
    .select('other.user_id')
    .distinct()
    .execute()
  const ids = new Set(rows.map((r) => r.user_id))
  ids.add(userId)
  return [...ids]
}
