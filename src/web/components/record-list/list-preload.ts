import { queryClient } from '../../lib/query-client'
import { viewToParams, type FetchPage, type ListConfig, type Row } from './list-types'
import { readListState } from './use-list-url-state'
import { listKeyOf, recordPagesOptions } from './use-record-pages'

/**
 * Asks for the first page of the list view named in the address (`?q=…&sort=…&f=…`) before the
 * page's component exists, under the key `RecordList` reads, so the rows are on their way while
 * the app still waits for /me and the page's chunk.
 */
export function prefetchFirstPage<T extends Row>(
  objectType: ListConfig<T>['objectType'],
  search: string,
  fetchPage: FetchPage<T>,
): Promise<void> {
  const { q, sort, filters } = readListState(new URLSearchParams(search))
  const params = viewToParams({ q, sort, filters })
  return queryClient.prefetchInfiniteQuery(
    recordPagesOptions(listKeyOf(objectType), params, fetchPage),
  )
}
