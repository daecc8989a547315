import type { ApiClient } from './api-client'
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from './api-keys.schema'

export const listApiKeys = (api: ApiClient) => api.get<{ data: ApiKey[] }>('/api-keys')
export const createApiKey = (api: ApiClient, input: ApiKeyCreate) =>
  api.post<ApiKeyCreated>('/api-keys', input)
export const revokeApiKey = (api: ApiClient, id: string) => api.delete(`/api-keys/${id}`)
