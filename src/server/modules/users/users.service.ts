import type {
  Invitation,
  PasswordReset,
  PasswordResetResult,
  User,
  UserCreate,
  UserCreated,
  UserUpdate,
} from '../../../shared/users.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError, fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { hashPassword, hashToken, newToken } from '../../lib/passwords'
import { authorize } from '../access/access.service'
import { forgetActors } from '../auth/actor-cache'
import { audit } from '../audit/audit.service'
import {
  deleteOpenInvitation,
  insertInvitation,
  insertPasswordReset,
  listOpenInvitations,
  markPasswordResetsUsed,
} from './account-tokens.repo'
import {
  countMemberships,
  countOtherActiveAdmins,
  deleteMembership,
  deleteSessions,
  findMembers,
  findUserIdByEmail,
  insertMembership,
  insertUser,
  updateMembership,
  updateUserPassword,
  updateUserRow,
} from './users.repo'

export const invitationLifetimeMs = 7 * 24 * 3600 * 1000
export const passwordResetLifetimeMs = 24 * 3600 * 1000

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

function lastAdmin(path: string): AppError {
  return fieldError(path, 'last_admin', 'The workspace must keep at least one active admin')
}

/**
 * A user may belong to several workspaces; their name, password and active flag are theirs
 * everywhere, so one workspace's admin may change them only for a user who is in no other.
 */
async function assertOwnsAccount(db: Db, userId: string): Promise<void> {
  if ((await countMemberships(db, userId)) > 1)
    throw new AppError(
      'FORBIDDEN',
      'The user belongs to other workspaces too; remove them from this workspace instead',
    )
}

async function findMember(db: Db, actor: Actor, id: string, forUpdate = false): Promise<User> {
  const [user] = await findMembers(db, actor.workspaceId, [id], forUpdate)
  if (!user) throw notFound('User')
  return user
}

export async function listUsers(deps: Deps, actor: Actor): Promise<User[]> {
  authorize(actor, 'users', 'read')
  return findMembers(deps.db, actor.workspaceId, null)
}

export async function getUser(deps: Deps, actor: Actor, id: string): Promise<User> {
  authorize(actor, 'users', 'read')
  return findMember(deps.db, actor, id)
}

/**
 * Adds a member. A known email joins with their own password; a new one gets the given
 * password, or without one an invitation whose token is returned only in this answer.
 */
export async function createUser(
  deps: Deps,
  actor: Actor,
  input: UserCreate,
): Promise<UserCreated> {
  authorize(actor, 'users', 'create')
  const email = input.email.trim().toLowerCase()
  const passwordHash = input.password ? await hashPassword(input.password) : null
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const existing = await findUserIdByEmail(trx, email)
      if (existing && (await findMembers(trx, actor.workspaceId, [existing.id])).length)
        throw new AppError('CONFLICT', 'The user is already a member', {
          errors: [{ path: 'email', code: 'duplicate' }],
        })
      if (!existing && !passwordHash)
        return { user: null, invitation: await invite(trx, actor, input) }
      const userId = existing?.id ?? newId()
      if (!existing) await insertUser(trx, { id: userId, email, name: input.name, passwordHash })
      await insertMembership(trx, {
        workspaceId: actor.workspaceId,
        userId,
        role: input.role,
        scope: input.scope,
      })
      await audit(trx, actor, { action: 'create', objectType: 'user', recordIds: [userId] })
      return { user: await findMember(trx, actor, userId), invitation: null }
    }),
  )
}

async function invite(db: Db, actor: Actor, input: UserCreate) {
  const token = newToken()
  const invitation = await insertInvitation(db, {
    workspaceId: actor.workspaceId,
    id: newId(),
    email: input.email.trim().toLowerCase(),
    role: input.role,
    scope: input.scope,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + invitationLifetimeMs),
    createdBy: actor.userId,
  })
  await audit(db, actor, { action: 'create', objectType: 'invitation', recordIds: [invitation.id] })
  return { ...invitation, token }
}

export async function listInvitations(deps: Deps, actor: Actor): Promise<Invitation[]> {
  authorize(actor, 'users', 'create')
  return listOpenInvitations(deps.db, actor.workspaceId)
}

export async function revokeInvitation(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'users', 'create')
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteOpenInvitation(trx, actor.workspaceId, id))) throw notFound('Invitation')
    await audit(trx, actor, { action: 'delete', objectType: 'invitation', recordIds: [id] })
  })
}

export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UserUpdate,
): Promise<User> {
  authorize(actor, 'users', 'update')
  const updated = await deps.db.transaction().execute(async (trx) => {
    const before = await findMember(trx, actor, id, true)
    const losesAdmin =
      before.role === 'admin' &&
      before.isActive &&
      ((input.role !== undefined && input.role !== 'admin') || input.isActive === false)
    if (losesAdmin && (await countOtherActiveAdmins(trx, actor.workspaceId, id)) === 0)
      throw lastAdmin(input.isActive === false ? 'isActive' : 'role')
    const changesAccount =
      (input.name !== undefined && input.name !== before.name) ||
      (input.isActive !== undefined && input.isActive !== before.isActive)
    if (changesAccount) await assertOwnsAccount(trx, id)
    await updateMembership(trx, actor.workspaceId, id, { role: input.role, scope: input.scope })
    await updateUserRow(trx, id, { name: input.name, isActive: input.isActive })
    // A deactivated user is signed out at once, not when their session next expires.
    if (input.isActive === false) await deleteSessions(trx, id)
    const after = await findMember(trx, actor, id)
    const changes = (['name', 'role', 'scope', 'isActive'] as const)
      .filter((f) => before[f] !== after[f])
      .map((f) => ({ field: f, old: before[f], new: after[f] }))
    await audit(trx, actor, {
      action: 'update',
      objectType: 'user',
      recordIds: [id],
      details: { changes },
    })
    return after
  })
  // Role, scope and active state are read from the cached actor: forget it now.
  forgetActors({ userId: id })
  return updated
}

/** Removes the membership: the user's records keep existing with no owner (FK sets null). */
export async function deleteUser(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'users', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    const user = await findMember(trx, actor, id, true)
    if (
      user.role === 'admin' &&
      user.isActive &&
      (await countOtherActiveAdmins(trx, actor.workspaceId, id)) === 0
    )
      throw lastAdmin('id')
    await deleteSessions(trx, id, actor.workspaceId)
    await deleteMembership(trx, actor.workspaceId, id)
    await audit(trx, actor, { action: 'delete', objectType: 'user', recordIds: [id] })
  })
  forgetActors({ userId: id, workspaceId: actor.workspaceId })
}

export async function resetPassword(
  deps: Deps,
  actor: Actor,
  id: string,
  input: PasswordReset,
): Promise<PasswordResetResult> {
  authorize(actor, 'users', 'update')
  const passwordHash = input.password ? await hashPassword(input.password) : null
  const result = await deps.db.transaction().execute(async (trx) => {
    await findMember(trx, actor, id, true)
    await assertOwnsAccount(trx, id)
    await audit(trx, actor, { action: 'reset-password', objectType: 'user', recordIds: [id] })
    if (passwordHash) {
      await updateUserPassword(trx, id, passwordHash)
      await markPasswordResetsUsed(trx, id)
      await deleteSessions(trx, id)
      return { token: null, expiresAt: null }
    }
    const token = newToken()
    const expiresAt = new Date(Date.now() + passwordResetLifetimeMs)
    await insertPasswordReset(trx, {
      workspaceId: actor.workspaceId,
      id: newId(),
      userId: id,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: actor.userId,
    })
    return { token, expiresAt: expiresAt.toISOString() }
  })
  if (passwordHash) forgetActors({ userId: id })
  return result
}
