import { infiniteQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { ListParams } from '../../../shared/api-client'
import type { FetchPage, Row } from './list-types'

const pageSize = 100
const emptyRows: Row[] = []

/** The query key prefix of a list's pages; invalidating it refreshes every view of the list. */
export const listKeyOf = (objectType: string) => ['list', objectType] as const

/**
 * The cursor pages of one list view. Shared by the hook and by the route preload
 * (`list-preload.ts`), which must ask for exactly the same first page under the same key.
 */
export function recordPagesOptions<T extends Row>(
  key: readonly unknown[],
  params: ListParams,
  fetchPage: FetchPage<T>,
) {
  return infiniteQueryOptions({
    queryKey: [...key, params],
    // The query's signal aborts the request once no list shows it any more: each quick search
    // text is a new query, so the fetch of text typed past is cancelled, not awaited.
    queryFn: ({ pageParam, signal }) =>
      fetchPage({ ...params, limit: pageSize, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

/** Cursor pages of a list, fetched one after another as the user scrolls. */
export function useRecordPages<T extends Row>(
  key: readonly unknown[],
  params: ListParams,
  fetchPage: FetchPage<T>,
) {
  const query = useInfiniteQuery(recordPagesOptions(key, params, fetchPage))
  // Counting a million rows takes longer than reading the first hundred, so the total is asked
  // for separately, and only once the first page is in: on two cores a count running beside
  // the page read slows the read that puts rows on the screen.
  const total = useQuery({
    queryKey: [...key, params, 'total'],
    queryFn: ({ signal }) =>
      fetchPage({ ...params, limit: 1, includeTotal: 'true', fields: 'id' }, { signal }),
    select: (page) => page.total,
    enabled: query.isSuccess,
  })
  const rows = useMemo(
    () => (query.data ? query.data.pages.flatMap((p) => p.data) : (emptyRows as T[])),
    [query.data],
  )
  return { ...query, rows, total: total.data }
}
