import type { ApiClient } from './api-client'
import type { Team, TeamCreate, TeamUpdate } from './teams.schema'

export const listTeams = (api: ApiClient) => api.get<{ data: Team[] }>('/teams')
export const createTeam = (api: ApiClient, input: TeamCreate) => api.post<Team>('/teams', input)
export const updateTeam = (api: ApiClient, id: string, input: TeamUpdate) =>
  api.patch<Team>(`/teams/${id}`, input)
export const setTeamMembers = (api: ApiClient, id: string, userIds: string[]) =>
  api.put<Team>(`/teams/${id}/members`, { userIds })
export const deleteTeam = (api: ApiClient, id: string) => api.delete(`/teams/${id}`)
