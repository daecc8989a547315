import type { Role, VisibilityScope } from '../../shared/permissions'

/** Who is asking: a signed-in user (session) or an API key acting for the user who made it. */
export type Actor = {
  workspaceId: string
  userId: string
  role: Role
  scope: VisibilityScope
  apiKeyId: string | null
  /** Scopes of the API key; null for a session, which has all its role allows. */
  apiKeyScopes: string[] | null
  requestId: string | null
  ip: string | null
}
