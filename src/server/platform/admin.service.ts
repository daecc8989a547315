import type { ApiKeyScope, Role, VisibilityScope } from '../../shared/permissions'
import type { Db } from '../db/client'
import { newId } from '../lib/ids'
import { hashPassword } from '../lib/passwords'
import { insertAuditEntries } from '../modules/audit/audit.repo'
import { deleteUserSessions, findMembership, findUserByEmail } from '../modules/auth/auth.repo'
import type { Deps } from '../deps'
import type { Actor } from '../lib/actor'
import { createApiKey as createApiKeyAs } from '../modules/api-keys/api-keys.service'
import { insertMembership, insertUser, updateUserPassword } from '../modules/users/users.repo'
import { findWorkspacesByRef } from './admin.repo'
import { generatePassword } from './first-run'

// The administration the `suhde` command does on the machine itself, before any API key exists.
// Its audit entries have no acting user: the person at the terminal is not a member.

export class AdminError extends Error {}

async function cliAudit(
  db: Db,
  e: { workspaceId: string; action: string; objectType: string; recordId: string },
) {
  await insertAuditEntries(db, [
    {
      ...e,
      id: newId(),
      recordCount: 1,
      actorUserId: null,
      actorApiKeyId: null,
      requestId: null,
      ip: null,
      details: { via: 'cli' },
    },
  ])
}

export async function resolveWorkspace(db: Db, ref: string): Promise<{ id: string; name: string }> {
  const found = await findWorkspacesByRef(db, ref)
  if (found.length === 0) throw new AdminError(`No workspace "${ref}"`)
  if (found.length > 1) throw new AdminError(`Several workspaces are named "${ref}"; give its id`)
  return found[0] as { id: string; name: string }
}

export type AdminUserInput = {
  workspace: string
  email: string
  name: string
  role: Role
  scope?: VisibilityScope
  password?: string
}

/** A member of a workspace; an existing user (same email) is added to it. */
export async function createUser(db: Db, input: AdminUserInput) {
  const workspace = await resolveWorkspace(db, input.workspace)
  const password = input.password ?? generatePassword()
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, input.email)
    if (existing && (await findMembership(trx, existing.id, workspace.id))) {
      throw new AdminError(`${input.email} is already a member of ${workspace.name}`)
    }
    const userId = existing?.id ?? newId()
    if (!existing) {
      const email = input.email.trim().toLowerCase()
      await insertUser(trx, { id: userId, email, name: input.name, passwordHash })
    }
    const scope = input.scope ?? 'all'
    await insertMembership(trx, { workspaceId: workspace.id, userId, role: input.role, scope })
    await cliAudit(trx, {
      workspaceId: workspace.id,
      action: 'create',
      objectType: 'user',
      recordId: userId,
    })
    return {
      userId,
      workspaceId: workspace.id,
      isNewUser: !existing,
      // An existing user keeps the password they have.
      password: existing ? null : input.password ? null : password,
    }
  })
}

/** Sets a new password and signs the user out everywhere. */
export async function resetPassword(db: Db, input: { email: string; password?: string }) {
  const user = await findUserByEmail(db, input.email)
  if (!user) throw new AdminError(`No user with the email ${input.email}`)
  const password = input.password ?? generatePassword()
  const hash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, user.id, hash)
    await deleteUserSessions(trx, user.id)
    const membership = await findMembership(trx, user.id)
    if (membership) {
      await cliAudit(trx, {
        workspaceId: membership.workspace_id,
        action: 'reset-password',
        objectType: 'user',
        recordId: user.id,
      })
    }
  })
  return { userId: user.id, password: input.password ? null : password }
}

/**
 * An API key through the api-keys service, acting as the member it is made for; like a key made
 * in the app, only a member allowed to manage keys (an admin) can own one.
 */
export async function createApiKey(
  deps: Deps,
  input: { workspace: string; userEmail: string; name: string; scopes: ApiKeyScope[] },
) {
  const workspace = await resolveWorkspace(deps.db, input.workspace)
  const user = await findUserByEmail(deps.db, input.userEmail)
  const membership = user ? await findMembership(deps.db, user.id, workspace.id) : undefined
  if (!user || !membership) {
    throw new AdminError(`${input.userEmail} is not a member of ${workspace.name}`)
  }
  const actor: Actor = {
    workspaceId: workspace.id,
    userId: user.id,
    role: membership.role as Role,
    scope: membership.scope as VisibilityScope,
    apiKeyId: null,
    apiKeyScopes: null,
    requestId: null,
    ip: null,
  }
  const created = await createApiKeyAs(deps, actor, { name: input.name, scopes: input.scopes })
  return { id: created.id, key: created.key, prefix: created.prefix, workspaceId: workspace.id }
}
