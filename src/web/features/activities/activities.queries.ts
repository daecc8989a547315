import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query'
import { createActivity, listActivities, updateActivity } from '../../../shared/activities.api'
import type { Activity, ActivityCreate, ActivityUpdate } from '../../../shared/activities.schema'
import type { ListParams } from '../../../shared/api-client'
import type { Page } from '../../../shared/common.schema'
import { api } from '../../lib/api'

export type ActivityListParams = ListParams & { overdue?: 'true' | 'false' }
const listKey = ['activities', 'list'] as const

export function useActivityPages(params: ActivityListParams) {
  const query = useInfiniteQuery({
    queryKey: [...listKey, params],
    queryFn: ({ pageParam }) => listActivities(api, { ...params, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  return { ...query, rows: query.data?.pages.flatMap((p) => p.data) ?? [] }
}

export function useCreateActivity() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ActivityCreate) => createActivity(api, input),
    onSuccess: (a) => {
      if (a.companyId) void qc.invalidateQueries({ queryKey: ['timeline', 'company', a.companyId] })
      if (a.contactId) void qc.invalidateQueries({ queryKey: ['timeline', 'contact', a.contactId] })
      void qc.invalidateQueries({ queryKey: ['my-day'] })
      void qc.invalidateQueries({ queryKey: ['activities'] })
    },
  })
}

export function useUpdateActivity() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ActivityUpdate }) =>
      updateActivity(api, id, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['activities'] }),
  })
}

type Pages = InfiniteData<Page<Activity>>

/** Completes or reopens a task in place: the row changes at once and changes back on an error. */
export function useToggleDone() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => updateActivity(api, id, { done }),
    onMutate: async ({ id, done }) => {
      await qc.cancelQueries({ queryKey: listKey })
      const snapshot = qc.getQueriesData<Pages>({ queryKey: listKey })
      qc.setQueriesData<Pages>({ queryKey: listKey }, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((p) => ({
                ...p,
                data: p.data.map((a) => (a.id === id ? { ...a, done } : a)),
              })),
            }
          : old,
      )
      return { snapshot }
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.snapshot ?? []) qc.setQueryData(key, data)
    },
    onSettled: (a) => {
      void qc.invalidateQueries({ queryKey: ['activities'] })
      void qc.invalidateQueries({ queryKey: ['my-day'] })
      if (a) void qc.setQueryData(['activity', a.id], a)
    },
  })
}
