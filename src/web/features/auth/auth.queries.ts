import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getMe, login, logout, updateMe } from '../../../shared/auth.api'
import type { LoginInput, Me, MeUpdate } from '../../../shared/auth.schema'
import { api } from '../../lib/api'

export const meKey = ['me'] as const

/** Also asked for at boot, before React renders (route-preload.ts). */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: () => getMe(api),
  staleTime: 5 * 60_000,
})

export function useMe() {
  return useQuery(meQuery)
}

export function useSignIn() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: LoginInput) => login(api, input),
    onSuccess: (me: Me) => qc.setQueryData(meKey, me),
  })
}

export function useSignOut() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => logout(api),
    // Nothing cached may outlive the session that fetched it.
    onSettled: () => qc.clear(),
  })
}

export function useUpdateMe() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: MeUpdate) => updateMe(api, input),
    onSuccess: (me: Me) => qc.setQueryData(meKey, me),
  })
}
