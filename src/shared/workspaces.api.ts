import type { ApiClient } from './api-client'
import type { Workspace, WorkspaceUpdate } from './workspaces.schema'

export const getWorkspace = (api: ApiClient) => api.get<Workspace>('/workspace')
export const updateWorkspace = (api: ApiClient, input: WorkspaceUpdate) =>
  api.patch<Workspace>('/workspace', input)
