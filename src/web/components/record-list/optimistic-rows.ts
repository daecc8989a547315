import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'
import type { Page } from '../../../shared/common.schema'
import type { Row } from './list-types'

type Snapshot = [QueryKey, unknown][]

function isPages(data: unknown): data is InfiniteData<Page<Row>> {
  return typeof data === 'object' && data !== null && 'pages' in data
}

/**
 * Changes the loaded rows with these ids at once, before the server answers. Returns a function
 * that puts the cached pages back as they were, for when the server refuses the change.
 */
export async function patchLoadedRows(
  qc: QueryClient,
  listKey: QueryKey,
  ids: string[],
  patch: (row: Row) => Row,
): Promise<() => void> {
  await qc.cancelQueries({ queryKey: listKey })
  const snapshot: Snapshot = qc.getQueriesData({ queryKey: listKey })
  const wanted = new Set(ids)
  qc.setQueriesData({ queryKey: listKey }, (old: unknown) => {
    // The same key prefix also holds the total count, which is not a list of pages.
    if (!isPages(old)) return old
    return {
      ...old,
      pages: old.pages.map((p) => ({
        ...p,
        data: p.data.map((r) => (r.id && wanted.has(r.id) ? patch(r) : r)),
      })),
    }
  })
  return () => {
    for (const [key, data] of snapshot) qc.setQueryData(key, data)
  }
}
