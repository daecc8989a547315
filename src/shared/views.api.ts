import type { ApiClient } from './api-client'
import type { SavedView, SavedViewCreate, SavedViewUpdate, ViewObject } from './views.schema'

export const listViews = (api: ApiClient, objectType: ViewObject) =>
  api.get<{ data: SavedView[] }>('/views', { objectType })
export const createView = (api: ApiClient, input: SavedViewCreate) =>
  api.post<SavedView>('/views', input)
export const updateView = (api: ApiClient, id: string, input: SavedViewUpdate) =>
  api.patch<SavedView>(`/views/${id}`, input)
export const deleteView = (api: ApiClient, id: string) => api.delete(`/views/${id}`)
