import type { Me, MeUpdate } from '../../../shared/auth.schema'
import type { Deps } from '../../deps'
import { AppError, fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { hashPassword, verifyPassword } from '../../lib/passwords'
import { audit } from '../audit/audit.service'
import { listUserWorkspaces, findWorkspace } from '../workspaces/workspaces.repo'
import { updateUserPassword } from '../users/users.repo'
import { findUserById, setPasswordGenerated, updateUserProfile } from './me.repo'

export async function getMe(deps: Deps, actor: Actor): Promise<Me> {
  const [user, workspace, workspaces] = await Promise.all([
    findUserById(deps.db, actor.userId),
    findWorkspace(deps.db, actor.workspaceId),
    listUserWorkspaces(deps.db, actor.userId),
  ])
  if (!user || !workspace) throw notFound('User')
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      language: (user.language as 'fi' | 'en' | null) ?? null,
      mustChangePassword: user.password_generated,
    },
    workspace: {
      id: workspace.id,
      name: workspace.name,
      currency: workspace.currency,
      timeZone: workspace.timeZone,
      language: workspace.language,
    },
    role: actor.role,
    scope: actor.scope,
    workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role as Me['role'] })),
    apiKeyId: actor.apiKeyId,
  }
}

export async function updateMe(deps: Deps, actor: Actor, input: MeUpdate): Promise<Me> {
  if (actor.apiKeyId) throw new AppError('FORBIDDEN', 'An API key cannot change its user’s profile')
  const user = await findUserById(deps.db, actor.userId)
  if (!user) throw notFound('User')
  if (input.newPassword !== undefined) {
    const isValid =
      input.currentPassword !== undefined &&
      user.password_hash !== null &&
      (await verifyPassword(input.currentPassword, user.password_hash))
    if (!isValid)
      throw fieldError('currentPassword', 'invalid_value', 'The current password is wrong')
  }
  const newHash =
    input.newPassword !== undefined ? await hashPassword(input.newPassword) : undefined
  await deps.db.transaction().execute(async (trx) => {
    await updateUserProfile(trx, actor.userId, { name: input.name, language: input.language })
    if (newHash) await updateUserPassword(trx, actor.userId, newHash)
    await audit(trx, actor, {
      action: 'update',
      objectType: 'user',
      recordIds: [actor.userId],
      details: {
        fields: Object.keys(input)
          .filter((k) => k !== 'currentPassword' && k !== 'newPassword')
          .concat(newHash ? ['password'] : []),
      },
    })
  })
  return getMe(deps, actor)
}

/** First start made this user's password up: the app asks them to choose their own. */
export async function markPasswordGenerated(deps: Pick<Deps, 'db'>, userId: string): Promise<void> {
  await setPasswordGenerated(deps.db, userId)
}
