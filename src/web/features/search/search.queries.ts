import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { search } from '../../../shared/search.api'
import { api } from '../../lib/api'

/**
 * Results of the global search for one term. The request gets the query's AbortSignal, so when
 * the user types on, TanStack Query aborts the answer nobody waits for any more. The previous
 * term's results stay as placeholder data (flagged), so the list does not jump while typing;
 * the caller must not offer them as answers to the new text.
 */
export function useSearch(q: string) {
  const term = q.trim()
  return useQuery({
    queryKey: ['search', term],
    queryFn: async ({ signal }) => ({ term, ...(await search(api, term, undefined, { signal })) }),
    enabled: term.length > 0,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  })
}
