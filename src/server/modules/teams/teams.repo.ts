import type { Team } from '../../../shared/teams.schema'
import type { Db } from '../../db/client'

export async function findTeams(
  db: Db,
  workspaceId: string,
  ids: string[] | null,
  forUpdate = false,
): Promise<Team[]> {
  if (ids?.length === 0) return []
  let q = db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId)
  if (ids) q = q.where('id', 'in', ids)
  if (forUpdate) q = q.forUpdate()
  const rows = await q.orderBy('name').orderBy('id').execute()
  if (rows.length === 0) return []
  const members = await db
    .selectFrom('team_members')
    .select(['team_id', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .where(
      'team_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('user_id')
    .execute()
  const byTeam = new Map<string, string[]>()
  for (const m of members) byTeam.set(m.team_id, [...(byTeam.get(m.team_id) ?? []), m.user_id])
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    memberIds: byTeam.get(r.id) ?? [],
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }))
}

export async function insertTeam(db: Db, workspaceId: string, id: string, name: string) {
  await db.insertInto('teams').values({ workspace_id: workspaceId, id, name }).execute()
}

export async function updateTeamName(db: Db, workspaceId: string, id: string, name: string) {
  await db
    .updateTable('teams')
    .set({ name, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function deleteTeam(db: Db, workspaceId: string, id: string) {
  await db
    .deleteFrom('teams')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function replaceTeamMembers(
  db: Db,
  workspaceId: string,
  teamId: string,
  userIds: string[],
): Promise<void> {
  await db
    .deleteFrom('team_members')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .execute()
  await db
    .updateTable('teams')
    .set({ updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', teamId)
    .execute()
  if (userIds.length === 0) return
  await db
    .insertInto('team_members')
    .values(
      userIds.map((userId) => ({ workspace_id: workspaceId, team_id: teamId, user_id: userId })),
    )
    .execute()
}

/** Which of the given user ids are members of the workspace. */
export async function existingMemberIds(
  db: Db,
  workspaceId: string,
  userIds: string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'in', userIds)
    .execute()
  return new Set(rows.map((r) => r.user_id))
}
