import type { Role, VisibilityScope } from '../../../shared/permissions'
import type { AcceptInvitation, ResetPasswordWithToken } from '../../../shared/users.schema'
import type { Deps } from '../../deps'
import { AppError, fieldError, mapDbError } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { hashPassword, hashToken, verifyPassword } from '../../lib/passwords'
import { audit } from '../audit/audit.service'
import { forgetActors } from '../auth/actor-cache'
import { login } from '../auth/auth.service'
import {
  findOpenInvitation,
  findOpenPasswordReset,
  markInvitationAccepted,
  markPasswordResetsUsed,
} from './account-tokens.repo'
import {
  deleteSessions,
  findMembers,
  findUserIdByEmail,
  insertMembership,
  insertUser,
  updateUserPassword,
} from './users.repo'

// The public account flows: joining through an invitation link and setting a password through
// a reset link. The token in the link is the only proof; a used or expired one proves nothing.

type RequestInfo = { requestId: string; ip: string | null; userAgent: string | null }

function invalidToken(): AppError {
  return fieldError('token', 'invalid_value', 'The link is not valid, used or expired')
}

function actorFor(
  m: { workspaceId: string; userId: string; role: string; scope: string },
  info: RequestInfo,
): Actor {
  return {
    workspaceId: m.workspaceId,
    userId: m.userId,
    role: m.role as Role,
    scope: m.scope as VisibilityScope,
    apiKeyId: null,
    apiKeyScopes: null,
    requestId: info.requestId,
    ip: info.ip,
  }
}

/** Creates the member the invitation names (or adds a known user, who proves their password). */
export async function acceptInvitation(deps: Deps, input: AcceptInvitation, info: RequestInfo) {
  const newHash = await hashPassword(input.password)
  const email = await deps.db.transaction().execute(async (trx) => {
    const invitation = await findOpenInvitation(trx, hashToken(input.token))
    if (!invitation) throw invalidToken()
    const existing = await findUserIdByEmail(trx, invitation.email)
    if (existing) {
      const isOwner =
        existing.password_hash !== null &&
        (await verifyPassword(input.password, existing.password_hash))
      if (!isOwner || !existing.is_active) throw new AppError('INVALID_CREDENTIALS')
    }
    const userId = existing?.id ?? newId()
    try {
      if (!existing)
        await insertUser(trx, {
          id: userId,
          email: invitation.email,
          name: input.name,
          passwordHash: newHash,
        })
      const isMember = (await findMembers(trx, invitation.workspace_id, [userId])).length > 0
      if (!isMember)
        await insertMembership(trx, {
          workspaceId: invitation.workspace_id,
          userId,
          role: invitation.role,
          scope: invitation.scope,
        })
    } catch (err) {
      throw mapDbError(err)
    }
    await markInvitationAccepted(trx, invitation.workspace_id, invitation.id)
    const actor = actorFor({ ...invitation, workspaceId: invitation.workspace_id, userId }, info)
    await audit(trx, actor, {
      action: 'accept-invitation',
      objectType: 'user',
      recordIds: [userId],
      details: { invitationId: invitation.id },
    })
    return { address: invitation.email, workspaceId: invitation.workspace_id }
  })
  return login(
    deps,
    { email: email.address, password: input.password, workspaceId: email.workspaceId },
    info,
  )
}

/** Sets the password a reset link was made for; every session of the user ends. */
export async function resetPasswordWithToken(
  deps: Deps,
  input: ResetPasswordWithToken,
  info: RequestInfo,
): Promise<void> {
  const newHash = await hashPassword(input.password)
  const userId = await deps.db.transaction().execute(async (trx) => {
    const reset = await findOpenPasswordReset(trx, hashToken(input.token))
    if (!reset) throw invalidToken()
    await updateUserPassword(trx, reset.user_id, newHash)
    await markPasswordResetsUsed(trx, reset.user_id)
    await deleteSessions(trx, reset.user_id)
    const [member] = await findMembers(trx, reset.workspace_id, [reset.user_id])
    if (!member) throw invalidToken()
    await audit(
      trx,
      actorFor({ workspaceId: reset.workspace_id, userId: reset.user_id, ...member }, info),
      { action: 'reset-password', objectType: 'user', recordIds: [reset.user_id] },
    )
    return reset.user_id
  })
  forgetActors({ userId })
}
