import type { Team, TeamCreate, TeamUpdate } from '../../../shared/teams.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError, fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import {
  deleteTeam,
  existingMemberIds,
  findTeams,
  insertTeam,
  replaceTeamMembers,
  updateTeamName,
} from './teams.repo'

// Teams group members; a member with scope 'team' sees records owned by anyone in their teams.

/** Turns the unique-name violation into a 409 that names the field. */
async function guardName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    const e = err as { code?: string }
    if (e?.code === '23505')
      throw new AppError('CONFLICT', 'A team with this name exists', {
        cause: err,
        errors: [{ path: 'name', code: 'duplicate' }],
      })
    throw err
  }
}

async function checkMembers(db: Db, actor: Actor, userIds: string[], path: string) {
  const unique = [...new Set(userIds)]
  const known = await existingMemberIds(db, actor.workspaceId, unique)
  const i = userIds.findIndex((id) => !known.has(id))
  if (i >= 0) throw fieldError(`${path}.${i}`, 'unknown_reference', 'Not a member of the workspace')
  return unique
}

async function findTeam(db: Db, actor: Actor, id: string, forUpdate = false): Promise<Team> {
  const [team] = await findTeams(db, actor.workspaceId, [id], forUpdate)
  if (!team) throw notFound('Team')
  return team
}

export async function listTeams(deps: Deps, actor: Actor): Promise<Team[]> {
  authorize(actor, 'teams', 'read')
  return findTeams(deps.db, actor.workspaceId, null)
}

export async function getTeam(deps: Deps, actor: Actor, id: string): Promise<Team> {
  authorize(actor, 'teams', 'read')
  return findTeam(deps.db, actor, id)
}

export async function createTeam(deps: Deps, actor: Actor, input: TeamCreate): Promise<Team> {
  authorize(actor, 'teams', 'create')
  return guardName(() =>
    deps.db.transaction().execute(async (trx) => {
      const memberIds = await checkMembers(trx, actor, input.memberIds ?? [], 'memberIds')
      const id = newId()
      await insertTeam(trx, actor.workspaceId, id, input.name)
      await replaceTeamMembers(trx, actor.workspaceId, id, memberIds)
      await audit(trx, actor, {
        action: 'create',
        objectType: 'team',
        recordIds: [id],
        details: { name: input.name, memberIds },
      })
      return findTeam(trx, actor, id)
    }),
  )
}

export async function updateTeam(
  deps: Deps,
  actor: Actor,
  id: string,
  input: TeamUpdate,
): Promise<Team> {
  authorize(actor, 'teams', 'update')
  return guardName(() =>
    deps.db.transaction().execute(async (trx) => {
      const before = await findTeam(trx, actor, id, true)
      await updateTeamName(trx, actor.workspaceId, id, input.name)
      await audit(trx, actor, {
        action: 'update',
        objectType: 'team',
        recordIds: [id],
        details: { changes: [{ field: 'name', old: before.name, new: input.name }] },
      })
      return findTeam(trx, actor, id)
    }),
  )
}

export async function setTeamMembers(
  deps: Deps,
  actor: Actor,
  id: string,
  userIds: string[],
): Promise<Team> {
  authorize(actor, 'teams', 'update')
  return deps.db.transaction().execute(async (trx) => {
    const before = await findTeam(trx, actor, id, true)
    const memberIds = await checkMembers(trx, actor, userIds, 'userIds')
    await replaceTeamMembers(trx, actor.workspaceId, id, memberIds)
    await audit(trx, actor, {
      action: 'update',
      objectType: 'team',
      recordIds: [id],
      details: { changes: [{ field: 'memberIds', old: before.memberIds, new: memberIds }] },
    })
    return findTeam(trx, actor, id)
  })
}

export async function removeTeam(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'teams', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    const team = await findTeam(trx, actor, id, true)
    await deleteTeam(trx, actor.workspaceId, id)
    await audit(trx, actor, {
      action: 'delete',
      objectType: 'team',
      recordIds: [id],
      details: { name: team.name },
    })
  })
}
