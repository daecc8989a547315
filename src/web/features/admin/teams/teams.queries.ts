import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createTeam,
  deleteTeam,
  listTeams,
  setTeamMembers,
  updateTeam,
} from '../../../../shared/teams.api'
import { api } from '../../../lib/api'

const teamsKey = ['teams'] as const

export function useTeams() {
  return useQuery({ queryKey: teamsKey, queryFn: () => listTeams(api) })
}

function useTeamMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: teamsKey })
      // Member rows show their teams.
      void qc.invalidateQueries({ queryKey: ['users'] })
    },
  })
}

export const useCreateTeam = () => useTeamMutation((name: string) => createTeam(api, { name }))
export const useRenameTeam = () =>
  useTeamMutation(({ id, name }: { id: string; name: string }) => updateTeam(api, id, { name }))
export const useSetTeamMembers = () =>
  useTeamMutation(({ id, userIds }: { id: string; userIds: string[] }) =>
    setTeamMembers(api, id, userIds),
  )
export const useDeleteTeam = () => useTeamMutation((id: string) => deleteTeam(api, id))
