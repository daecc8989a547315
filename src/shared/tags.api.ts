import type { ApiClient } from './api-client'
import type { Tag, TagApply, TagCreate } from './tags.schema'

export const listTags = (api: ApiClient) => api.get<{ data: Tag[] }>('/tags')
export const applyTag = (api: ApiClient, tagId: string, input: TagApply) =>
  api.post<{ count: number }>(`/tags/${tagId}/apply`, input)
export const removeTag = (api: ApiClient, tagId: string, input: TagApply) =>
  api.post<{ count: number }>(`/tags/${tagId}/remove`, input)
export const createTag = (api: ApiClient, input: TagCreate) => api.post<Tag>('/tags', input)
