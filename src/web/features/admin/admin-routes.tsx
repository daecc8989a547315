import { lazy } from 'react'
import { Route } from 'react-router'

// Each administration page is its own chunk; only admins ever load them.
const AdminLayout = lazy(() => import('./admin-layout'))
const UsersPage = lazy(() => import('./users/users-page'))
const TeamsPage = lazy(() => import('./teams/teams-page'))
const ApiKeysPage = lazy(() => import('./api-keys/api-keys-page'))
const CustomFieldsPage = lazy(() => import('./custom-fields/custom-fields-page'))
const WorkspacePage = lazy(() => import('./workspace/workspace-page'))
const AuditLogPage = lazy(() => import('./audit/audit-log-page'))
const AcceptInvitationPage = lazy(() => import('../invitations/accept-invitation-page'))
const ResetPasswordPage = lazy(() => import('../invitations/reset-password-page'))

/** /admin/… inside the signed-in layout. */
export function adminRoutes() {
  return (
    <Route path="admin" element={<AdminLayout />}>
      <Route index element={null} />
      <Route path="users" element={<UsersPage />} />
      <Route path="teams" element={<TeamsPage />} />
      <Route path="api-keys" element={<ApiKeysPage />} />
      <Route path="custom-fields" element={<CustomFieldsPage />} />
      <Route path="workspace" element={<WorkspacePage />} />
      <Route path="audit-log" element={<AuditLogPage />} />
    </Route>
  )
}

/** The one-time links an admin hands out; they work without signing in. */
export function publicAccountRoutes() {
  return (
    <>
      <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
    </>
  )
}
