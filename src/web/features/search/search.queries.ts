import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { search } from '../../../shared/search.api'
import { api } from '../../lib/api'

export function useSearch(q: string) {
  const term = q.trim()
  return useQuery({
    queryKey: ['search', term],
    queryFn: () => search(api, term),
    enabled: term.length > 0,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  })
}
