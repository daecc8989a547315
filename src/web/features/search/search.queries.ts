import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { search } from '../../../shared/search.api'
import { api } from '../../lib/api'

/**
 * Wait this long after a key before asking the server: a burst of keys (a paste, a fast
 * typist) sends one request, and a typist's pace (~110 ms a key) gets an answer to every
 * prefix. The target is results on screen 150 ms after the last key.
 */
export const searchDebounceMs = 30

const searchKey = ['search'] as const

/**
 * The global search for one term. The request gets the query's AbortSignal, so cancelling the
 * query aborts the fetch, and the server skips the rest of a search nobody waits for.
 */
export const searchOptions = (term: string) =>
  queryOptions({
    queryKey: [...searchKey, term],
    queryFn: async ({ signal }) => ({ term, ...(await search(api, term, undefined, { signal })) }),
    staleTime: 10_000,
  })

/**
 * Results for the text in the box as it is typed: call `type(text)` from the input's change
 * handler. The debounce timer starts there, not in an effect after the key's render, and the
 * request starts in the timer itself: under load a render and its effects add tens of ms
 * before the fetch. Requests for text typed past are aborted. The previous term's results stay
 * as placeholder data (flagged), so the list does not jump while typing; the caller must not
 * offer them as answers to the new text (their `term` differs).
 */
export function useSearchAsYouType() {
  const qc = useQueryClient()
  const [asked, setAsked] = useState('')
  const timer = useRef<number | undefined>(undefined)
  const type = useCallback(
    (text: string) => {
      const term = text.trim()
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => {
        void qc.cancelQueries({ queryKey: searchKey, predicate: (q) => q.queryKey[1] !== term })
        if (term) void qc.prefetchQuery(searchOptions(term))
        setAsked(term)
      }, searchDebounceMs)
    },
    [qc],
  )
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const results = useQuery({
    ...searchOptions(asked),
    enabled: asked.length > 0,
    placeholderData: keepPreviousData,
  })
  return { results, type }
}
