import type { ReactNode } from 'react'
import type { ListParams, RequestOptions } from '../../../shared/api-client'
import type { FilterOp } from '../../../shared/common.schema'
import type { Page } from '../../../shared/common.schema'

export type Row = { id?: string } & Record<string, unknown>

/** Reads one page of a list; `signal` aborts the request (a search typed past, a list left). */
export type FetchPage<T extends Row> = (
  params: ListParams,
  options?: RequestOptions,
) => Promise<Page<T>>

/** One column of a record list; `id` is also the field name for sort, filter and CSV. */
export type ColumnSpec<T extends Row> = {
  id: string
  label: string
  value: (row: T) => unknown
  render?: (row: T) => ReactNode
  isSortable?: boolean
  isHiddenByDefault?: boolean
  filter?: {
    type: 'text' | 'number' | 'date' | 'select'
    options?: { value: string; label: string }[]
  }
  width?: number
}

/** A field that "Edit field" may set on many records at once: a choice or a short text. */
export type BulkField = {
  id: string
  label: string
  options?: { value: string; label: string }[]
  maxLength?: number
}

export type FilterRow = { field: string; op: FilterOp; value: string }

export type ListView = { q: string; sort: string | undefined; filters: FilterRow[] }

/** Everything a list page tells the generic list: where rows come from and what they show. */
export type ListConfig<T extends Row> = {
  objectType: 'company' | 'contact'
  fetchPage: FetchPage<T>
  columns: ColumnSpec<T>[]
  rowLabel: (row: T) => string
  rowPath: (row: T) => string
  bulkDelete: (ids: string[]) => Promise<unknown>
  /** Sets the same owner on many records (PATCH …/bulk). */
  bulkAssign: (ids: string[], ownerId: string | null) => Promise<unknown>
  restore: (id: string) => Promise<unknown>
  /** Sets one field on many records (PATCH …/bulk with records: [{ id, field: value }]). */
  bulkUpdate: (records: ({ id: string } & Record<string, unknown>)[]) => Promise<unknown>
  bulkFields: BulkField[]
}

export function viewToParams(view: ListView): ListParams {
  const filter: Record<string, Record<string, string>> = {}
  for (const f of view.filters) {
    if (!f.field) continue
    filter[f.field] = { ...filter[f.field], [f.op]: f.op === 'empty' ? f.value || 'true' : f.value }
  }
  return {
    q: view.q.trim() || undefined,
    sort: view.sort,
    filter: Object.keys(filter).length ? filter : undefined,
  }
}
