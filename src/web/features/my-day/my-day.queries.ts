import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getMyDay, updateActivity } from '../../../shared/activities.api'
import type { Activity, MyDay } from '../../../shared/activities.schema'
import { api } from '../../lib/api'

const myDayKey = ['my-day'] as const

export function useMyDay() {
  return useQuery({ queryKey: myDayKey, queryFn: () => getMyDay(api) })
}

type Change = { id: string; done?: boolean; dueAt?: string }

function applyChange(day: MyDay, change: Change): MyDay {
  const patch = (list: Activity[]) =>
    change.done
      ? list.filter((a) => a.id !== change.id)
      : list.map((a) => (a.id === change.id ? { ...a, dueAt: change.dueAt ?? a.dueAt } : a))
  // A rescheduled task leaves "overdue"; the refetch afterwards puts it in its right place.
  const overdue = change.dueAt ? day.overdue.filter((a) => a.id !== change.id) : patch(day.overdue)
  return { ...day, overdue, dueToday: patch(day.dueToday) }
}

/** Complete or reschedule a task in place: the list changes at once and rolls back on error. */
export function useChangeTask() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...input }: Change) => updateActivity(api, id, input),
    onMutate: async (change) => {
      await qc.cancelQueries({ queryKey: myDayKey })
      const before = qc.getQueryData<MyDay>(myDayKey)
      if (before) qc.setQueryData(myDayKey, applyChange(before, change))
      return { before }
    },
    onError: (_error, _change, context) => {
      if (context?.before) qc.setQueryData(myDayKey, context.before)
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: myDayKey }),
  })
}
