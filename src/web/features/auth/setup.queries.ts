import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Me } from '../../../shared/auth.schema'
import { getSetupStatus, runSetup } from '../../../shared/setup.api'
import type { SetupInput } from '../../../shared/setup.schema'
import { api } from '../../lib/api'
import { meKey } from './auth.queries'

export const setupKey = ['setup'] as const

export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: () => getSetupStatus(api), staleTime: 60_000 })
}

export function useRunSetup() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: SetupInput) => runSetup(api, input),
    onSuccess: (me: Me) => {
      qc.setQueryData(meKey, me)
      qc.setQueryData(setupKey, { isNeeded: false })
    },
  })
}
