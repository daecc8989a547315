import { roleCan, type Action, type Resource } from '../../../shared/permissions'
import { useMe } from '../auth/auth.queries'

/** Whether the signed-in member's role allows an action; the server still decides. */
export function useCan(resource: Resource, action: Action): boolean {
  const role = useMe().data?.role
  return role ? roleCan(role, resource, action) : false
}

/** The administration sections, each with the right it needs, in the order they are shown. */
export const adminSections = [
  { path: 'users', label: 'admin.tabs.users', resource: 'users', action: 'update' },
  { path: 'teams', label: 'admin.tabs.teams', resource: 'teams', action: 'update' },
  { path: 'api-keys', label: 'admin.tabs.apiKeys', resource: 'api-keys', action: 'read' },
  {
    path: 'custom-fields',
    label: 'admin.tabs.customFields',
    resource: 'custom-fields',
    action: 'update',
  },
  { path: 'workspace', label: 'admin.tabs.workspace', resource: 'workspace', action: 'update' },
  { path: 'audit-log', label: 'admin.tabs.auditLog', resource: 'audit-log', action: 'read' },
] as const satisfies readonly { path: string; label: string; resource: Resource; action: Action }[]

export function useAdminSections() {
  const role = useMe().data?.role
  return role ? adminSections.filter((s) => roleCan(role, s.resource, s.action)) : []
}
