import type { ApiClient } from './api-client'
import type { Me } from './auth.schema'
import type { SetupInput, SetupStatus } from './setup.schema'

export const getSetupStatus = (api: ApiClient) => api.get<SetupStatus>('/setup')
export const runSetup = (api: ApiClient, input: SetupInput) => api.post<Me>('/setup', input)
