import type { ApiClient } from './api-client'
import type { LoginInput, Me, MeUpdate } from './auth.schema'

export const login = (api: ApiClient, input: LoginInput) => api.post<Me>('/auth/login', input)
export const logout = (api: ApiClient) => api.post<void>('/auth/logout')
export const getMe = (api: ApiClient) => api.get<Me>('/me')
export const updateMe = (api: ApiClient, input: MeUpdate) => api.patch<Me>('/me', input)
