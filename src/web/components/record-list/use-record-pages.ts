import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { ListParams } from '../../../shared/api-client'
import type { Page } from '../../../shared/common.schema'
import type { Row } from './list-types'

const pageSize = 100
const emptyRows: Row[] = []

/** Cursor pages of a list, fetched one after another as the user scrolls. */
export function useRecordPages<T extends Row>(
  key: readonly unknown[],
  params: ListParams,
  fetchPage: (params: ListParams) => Promise<Page<T>>,
) {
  const query = useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam }) => fetchPage({ ...params, limit: pageSize, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  // Counting a million rows takes longer than reading the first hundred, so the total is asked
  // for separately and the first page shows without waiting for it.
  const total = useQuery({
    queryKey: [...key, params, 'total'],
    queryFn: () => fetchPage({ ...params, limit: 1, includeTotal: 'true', fields: 'id' }),
    select: (page) => page.total,
  })
  const rows = useMemo(
    () => (query.data ? query.data.pages.flatMap((p) => p.data) : (emptyRows as T[])),
    [query.data],
  )
  return { ...query, rows, total: total.data }
}
