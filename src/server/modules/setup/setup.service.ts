import type { SetupInput } from '../../../shared/setup.schema'
import type { Deps } from '../../deps'
import { AppError } from '../../errors'
import { login } from '../auth/auth.service'
import { createWorkspace, hasAnyWorkspace } from '../workspaces/workspaces.service'

type RequestInfo = { requestId: string; ip: string | null; userAgent: string | null }

export async function isSetupNeeded(deps: Deps): Promise<boolean> {
  return !(await hasAnyWorkspace(deps.db))
}

/**
 * Creates the first workspace and its admin, then signs the admin in. Refused once any workspace
 * exists: after that, people join by invitation only.
 */
export async function runSetup(deps: Deps, input: SetupInput, info: RequestInfo) {
  if (!(await isSetupNeeded(deps)))
    throw new AppError('CONFLICT', 'Suhde has already been set up; ask an admin for an invitation')
  const email = input.email.trim().toLowerCase()
  const { workspaceId } = await createWorkspace(deps.db, {
    name: input.workspaceName,
    adminEmail: email,
    adminName: input.name,
    adminPassword: input.password,
    language: input.language,
  })
  return login(deps, { email, password: input.password, workspaceId }, info)
}
