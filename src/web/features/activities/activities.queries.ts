import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createActivity, updateActivity } from '../../../shared/activities.api'
import type { ActivityCreate, ActivityUpdate } from '../../../shared/activities.schema'
import { api } from '../../lib/api'

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
