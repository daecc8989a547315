import type { ApiClient } from './api-client'
import type { Me } from './auth.schema'
import type {
  AcceptInvitation,
  Invitation,
  PasswordReset,
  PasswordResetResult,
  ResetPasswordWithToken,
  User,
  UserCreate,
  UserCreated,
  UserUpdate,
} from './users.schema'

export const listUsers = (api: ApiClient) => api.get<{ data: User[] }>('/users')
export const createUser = (api: ApiClient, input: UserCreate) =>
  api.post<UserCreated>('/users', input)
export const updateUser = (api: ApiClient, id: string, input: UserUpdate) =>
  api.patch<User>(`/users/${id}`, input)
export const resetUserPassword = (api: ApiClient, id: string, input: PasswordReset = {}) =>
  api.post<PasswordResetResult>(`/users/${id}/reset-password`, input)
export const listInvitations = (api: ApiClient) =>
  api.get<{ data: Invitation[] }>('/users/invitations')
export const revokeInvitation = (api: ApiClient, id: string) =>
  api.delete(`/users/invitations/${id}`)
export const acceptInvitation = (api: ApiClient, input: AcceptInvitation) =>
  api.post<Me>('/auth/accept-invitation', input)
export const resetPasswordWithToken = (api: ApiClient, input: ResetPasswordWithToken) =>
  api.post<void>('/auth/reset-password', input)
