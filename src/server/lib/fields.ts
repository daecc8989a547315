import type { Page } from '../../shared/common.schema'
import { fieldError } from '../errors'

/** Keeps only the requested fields (and always `id`) of each row: `fields=name,businessId`. */
export function pickFields<T extends { id: string }>(
  page: Page<T>,
  fields: string | undefined,
): Page<Partial<T>> {
  if (!fields) return page
  const wanted = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  const sample = page.data[0]
  if (sample) {
    const unknown = wanted.find((f) => !(f in sample))
    if (unknown) throw fieldError('fields', 'invalid_value', `Unknown field ${unknown}`)
  }
  const keep = new Set(['id', ...wanted])
  return {
    ...page,
    data: page.data.map(
      (row) => Object.fromEntries(Object.entries(row).filter(([k]) => keep.has(k))) as Partial<T>,
    ),
  }
}
