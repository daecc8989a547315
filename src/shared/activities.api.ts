import type { ActivityCreate, ActivityUpdate, Activity, MyDay } from './activities.schema'
import type { ApiClient, ListParams } from './api-client'
import type { Page } from './common.schema'

export const listActivities = (
  api: ApiClient,
  params: ListParams & { overdue?: 'true' | 'false' },
) => api.get<Page<Activity>>('/activities', params)
export const createActivity = (api: ApiClient, input: ActivityCreate) =>
  api.post<Activity>('/activities', input)
export const updateActivity = (api: ApiClient, id: string, input: ActivityUpdate) =>
  api.patch<Activity>(`/activities/${id}`, input)
export const getMyDay = (api: ApiClient) => api.get<MyDay>('/activities/my-day')
export const getActivity = (api: ApiClient, id: string) => api.get<Activity>(`/activities/${id}`)
