import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { createApiKey, listApiKeys, revokeApiKey } from '../../../../shared/api-keys.api'
import type { ApiKeyCreate } from '../../../../shared/api-keys.schema'
import { api } from '../../../lib/api'

const keysKey = ['api-keys'] as const

export function useApiKeys() {
  return useQuery({ queryKey: keysKey, queryFn: () => listApiKeys(api) })
}

export function useCreateApiKey() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ApiKeyCreate) => createApiKey(api, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keysKey }),
  })
}

export function useRevokeApiKey() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => revokeApiKey(api, id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keysKey }),
  })
}
