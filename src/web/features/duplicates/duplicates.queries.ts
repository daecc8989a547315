import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  dismissDuplicate,
  listDuplicates,
  listDuplicateScans,
  mergeRecords,
  previewMerge,
  reopenDuplicate,
  startDuplicateScan,
  type DuplicateListParams,
} from '../../../shared/duplicates.api'
import type { DuplicateScanStart } from '../../../shared/duplicates.schema'
import type { MergeCreateInput } from '../../../shared/merges.schema'
import { api } from '../../lib/api'

// The duplicate finder's server calls: the review queue, scans and their progress, merges.

export function useDuplicateQueue(params: DuplicateListParams) {
  return useInfiniteQuery({
    queryKey: ['duplicates', params],
    queryFn: ({ pageParam }) => listDuplicates(api, { ...params, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

/** The latest scans; polls while one is queued or running. */
export function useDuplicateScans() {
  return useQuery({
    queryKey: ['duplicate-scans'],
    queryFn: () => listDuplicateScans(api),
    refetchInterval: (q) =>
      q.state.data?.data.some((s) => s.status === 'queued' || s.status === 'running')
        ? 1000
        : false,
  })
}

export function useStartScan() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Partial<DuplicateScanStart>) => startDuplicateScan(api, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['duplicate-scans'] }),
  })
}

export function useDecideDuplicate() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id: string; action: 'dismiss' | 'reopen' }) =>
      v.action === 'dismiss' ? dismissDuplicate(api, v.id) : reopenDuplicate(api, v.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['duplicates'] }),
  })
}

export function useMergePreview(input: MergeCreateInput | null) {
  return useQuery({
    queryKey: ['merge-preview', input],
    queryFn: () => previewMerge(api, input as MergeCreateInput),
    enabled: input !== null,
  })
}

export function useMerge() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: MergeCreateInput) => mergeRecords(api, input),
    onSuccess: (result) => {
      void qc.invalidateQueries({ queryKey: ['duplicates'] })
      void qc.invalidateQueries({ queryKey: ['list', result.objectType] })
      void qc.invalidateQueries({ queryKey: [result.objectType, result.survivorId] })
      void qc.invalidateQueries({ queryKey: ['timeline', result.objectType, result.survivorId] })
    },
  })
}
