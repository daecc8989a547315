import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { filterOps, type FilterOp } from '../../../shared/common.schema'
import type { FilterRow } from './list-types'

/**
 * What a list shows, kept in the address so reload, back and forward and a shared link give the
 * same view: `q`, `sort`, one `f=field:op:value` per filter, `cols` (visible columns) and `view`
 * (the saved view it started from).
 */
export type UrlListState = {
  q: string
  sort: string | undefined
  filters: FilterRow[]
  /** Undefined when the address names no columns: the user's own choice in this browser holds. */
  columns: string[] | undefined
  viewId: string | null
}

const isOp = (v: string): v is FilterOp => (filterOps as readonly string[]).includes(v)

function parseFilter(text: string): FilterRow | null {
  const first = text.indexOf(':')
  const second = text.indexOf(':', first + 1)
  if (first < 1 || second < 0) return null
  const op = text.slice(first + 1, second)
  return isOp(op) ? { field: text.slice(0, first), op, value: text.slice(second + 1) } : null
}

export function readListState(params: URLSearchParams): UrlListState {
  const cols = params.get('cols')
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') || undefined,
    filters: params.getAll('f').flatMap((f) => parseFilter(f) ?? []),
    columns: cols === null ? undefined : cols.split(',').filter(Boolean),
    viewId: params.get('view'),
  }
}

export function writeListState(
  params: URLSearchParams,
  patch: Partial<UrlListState>,
): URLSearchParams {
  const next = new URLSearchParams(params)
  const put = (key: string, value: string | null | undefined) =>
    value ? next.set(key, value) : next.delete(key)
  if ('q' in patch) put('q', patch.q?.trim())
  if ('sort' in patch) put('sort', patch.sort)
  if ('viewId' in patch) put('view', patch.viewId)
  if ('columns' in patch) {
    if (patch.columns) next.set('cols', patch.columns.join(','))
    else next.delete('cols')
  }
  if (patch.filters) {
    next.delete('f')
    for (const f of patch.filters) if (f.field) next.append('f', `${f.field}:${f.op}:${f.value}`)
  }
  return next
}

/** The list state in the address; changes add a history entry unless `replace` is asked. */
export function useListUrlState() {
  const [params, setParams] = useSearchParams()
  const key = params.toString()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity
  const state = useMemo(() => readListState(params), [key])
  const update = useCallback(
    (patch: Partial<UrlListState>, options: { replace?: boolean } = {}) =>
      setParams((prev) => writeListState(prev, patch), { replace: options.replace }),
    [setParams],
  )
  return [state, update] as const
}
