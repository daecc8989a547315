import type { ApiClient } from './api-client'
import type { Page } from './common.schema'
import type {
  DuplicateCandidate,
  DuplicateObjectType,
  DuplicateScan,
  DuplicateScanStart,
} from './duplicates.schema'
import type { Merge, MergeCreateInput, MergePreview, MergeResult } from './merges.schema'

export type DuplicateListParams = {
  objectType?: DuplicateObjectType
  status?: 'open' | 'dismissed' | 'merged'
  minScore?: number
  recordId?: string
  limit?: number
  cursor?: string
}

export const listDuplicates = (api: ApiClient, params: DuplicateListParams) =>
  api.get<Page<DuplicateCandidate>>('/duplicates', params)
export const startDuplicateScan = (api: ApiClient, input: Partial<DuplicateScanStart>) =>
  api.post<DuplicateScan>('/duplicates/scans', input)
export const listDuplicateScans = (api: ApiClient) =>
  api.get<{ data: DuplicateScan[] }>('/duplicates/scans')
export const getDuplicateScan = (api: ApiClient, id: string) =>
  api.get<DuplicateScan>(`/duplicates/scans/${id}`)
export const dismissDuplicate = (api: ApiClient, id: string) =>
  api.post<DuplicateCandidate>(`/duplicates/${id}/dismiss`)
export const reopenDuplicate = (api: ApiClient, id: string) =>
  api.post<DuplicateCandidate>(`/duplicates/${id}/reopen`)

export const previewMerge = (api: ApiClient, input: MergeCreateInput) =>
  api.post<MergePreview>('/merges/preview', input)
export const mergeRecords = (api: ApiClient, input: MergeCreateInput) =>
  api.post<MergeResult>('/merges', input)
export const getMerge = (api: ApiClient, id: string) => api.get<Merge>(`/merges/${id}`)
