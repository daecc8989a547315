import type { Role } from '../../../shared/permissions'
import type { Workspace, WorkspaceUpdate } from '../../../shared/workspaces.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { hashPassword } from '../../lib/passwords'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { findUserByEmail } from '../auth/auth.repo'
import { insertMembership, insertUser } from '../users/users.repo'
import { countWorkspaces, findWorkspace, insertWorkspace, updateWorkspace } from './workspaces.repo'

export type NewWorkspace = {
  name: string
  adminEmail: string
  adminName?: string
  adminPassword: string
  language?: 'fi' | 'en'
}

/** A workspace and its first admin; an existing user with that email becomes its admin. */
export async function createWorkspace(
  db: Db,
  input: NewWorkspace,
): Promise<{ workspaceId: string; userId: string }> {
  const passwordHash = await hashPassword(input.adminPassword)
  return db.transaction().execute(async (trx) => {
    const workspaceId = newId()
    await insertWorkspace(trx, { id: workspaceId, name: input.name, language: input.language })
    const existing = await findUserByEmail(trx, input.adminEmail)
    const userId = existing?.id ?? newId()
    if (!existing) {
      await insertUser(trx, {
        id: userId,
        email: input.adminEmail.trim().toLowerCase(),
        name: input.adminName ?? input.adminEmail.split('@')[0] ?? 'Admin',
        passwordHash,
      })
    }
    await insertMembership(trx, { workspaceId, userId, role: 'admin' satisfies Role })
    return { workspaceId, userId }
  })
}

export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  return (await countWorkspaces(db)) > 0
}

export async function getWorkspace(deps: Deps, actor: Actor): Promise<Workspace> {
  authorize(actor, 'workspace', 'read')
  const workspace = await findWorkspace(deps.db, actor.workspaceId)
  if (!workspace) throw notFound('Workspace')
  return workspace
}

/**
 * The workspace's currency, for defaults and sums of any member or API key (no access check:
 * it tells nothing beyond what its own records show).
 */
export async function workspaceCurrency(deps: Deps, workspaceId: string): Promise<string> {
  return (await findWorkspace(deps.db, workspaceId))?.currency ?? 'EUR'
}

/**
 * The workspace's language and time zone, for texts the server writes into records (privacy
 * request evidence). Takes the caller's transaction: on PGlite a second connection would wait.
 */
export async function workspaceLocale(
  db: Db,
  workspaceId: string,
): Promise<{ language: 'fi' | 'en'; timeZone: string }> {
  const w = await findWorkspace(db, workspaceId)
  return { language: w?.language ?? 'fi', timeZone: w?.timeZone ?? 'Europe/Helsinki' }
}

export async function changeWorkspace(
  deps: Deps,
  actor: Actor,
  input: WorkspaceUpdate,
): Promise<Workspace> {
  authorize(actor, 'workspace', 'update')
  return deps.db.transaction().execute(async (trx) => {
    const before = await findWorkspace(trx, actor.workspaceId)
    const updated = await updateWorkspace(trx, actor.workspaceId, input)
    if (!before || !updated) throw new AppError('NOT_FOUND')
    await audit(trx, actor, {
      action: 'update',
      objectType: 'workspace',
      recordIds: [actor.workspaceId],
      details: { fields: Object.keys(input) },
    })
    return updated
  })
}
