import { sql, type RawBuilder } from 'kysely'
import type { FilterOp, ListQuery } from '../../shared/common.schema'
import { AppError } from '../errors'
import type { CustomFieldType } from '../../shared/custom-fields.schema'
import { escapeLike, hasTrigrams, prefixIndexOrder, startsWith } from './text-match'

// Turns the list parameters every endpoint shares (filter, sort, cursor, q) into SQL, from a
// declaration of the object's fields. Only the columns declared here can be reached, so user
// input never becomes an identifier.

export type FieldType =
  'text' | 'number' | 'date' | 'timestamp' | 'boolean' | 'uuid' | 'text[]' | 'jsonb-array'
export type FieldSpec = {
  /** SQL expression of the field, e.g. sql.ref('c.name'). */
  expr: RawBuilder<unknown>
  type: FieldType
  isNotNull?: boolean
  isSortable?: boolean
}
export type ListSpec = {
  fields: Record<string, FieldSpec>
  idExpr: RawBuilder<unknown>
  customExpr: RawBuilder<unknown>
  searchTextExpr?: RawBuilder<unknown>
  searchVectorExpr?: RawBuilder<unknown>
  /**
   * A lower-case name with a prefix index (text_pattern_ops): names that start with `q` are
   * the cheapest candidates of a ranked search, read before the GIN indexes.
   */
  namePrefixExpr?: RawBuilder<unknown>
  customTypes: ReadonlyMap<string, CustomFieldType>
  defaultSort: string
}

type Cursor = { v?: unknown; id?: string; o?: number }

function bad(path: string, code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { errors: [{ path, code, message: '' }] })
}

function customField(spec: ListSpec, key: string, path: string): FieldSpec {
  const type = spec.customTypes.get(key)
  if (!type) throw bad(path, 'unknown_custom_field', `Unknown custom field ${key}`)
  const text = sql`(${spec.customExpr}->>${key})`
  switch (type) {
    case 'number':
      return { expr: sql`(${spec.customExpr}->>${key})::numeric`, type: 'number', isSortable: true }
    case 'money':
      return {
        expr: sql`(${spec.customExpr}->${key}->>'amount')::numeric`,
        type: 'number',
        isSortable: true,
      }
    case 'date':
      return { expr: sql`(${spec.customExpr}->>${key})::date`, type: 'date', isSortable: true }
    case 'boolean':
      return {
        expr: sql`(${spec.customExpr}->>${key})::boolean`,
        type: 'boolean',
        isSortable: true,
      }
    case 'multi_select':
      return { expr: sql`(${spec.customExpr}->${key})`, type: 'jsonb-array' }
    default:
      return { expr: text, type: 'text', isSortable: true }
  }
}

export function resolveField(spec: ListSpec, name: string, path: string): FieldSpec {
  if (name.startsWith('custom.')) return customField(spec, name.slice(7), path)
  const field = spec.fields[name]
  if (!field) throw bad(path, 'invalid_filter', `Unknown field ${name}`)
  return field
}

function castValue(field: FieldSpec, raw: string, path: string): unknown {
  switch (field.type) {
    case 'number': {
      const n = Number(raw.replace(',', '.'))
      if (raw.trim() === '' || !Number.isFinite(n)) throw bad(path, 'invalid_type', 'Not a number')
      return n
    }
    case 'date':
    case 'timestamp':
      if (Number.isNaN(Date.parse(raw))) throw bad(path, 'invalid_date', 'Not a date')
      return raw
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw bad(path, 'invalid_type', 'Not true or false')
      return raw === 'true'
    case 'uuid':
      if (!/^[0-9a-f-]{36}$/i.test(raw)) throw bad(path, 'invalid_id', 'Not an id')
      return raw
    default:
      return raw
  }
}

function typed(field: FieldSpec, value: unknown): RawBuilder<unknown> {
  switch (field.type) {
    case 'number':
      return sql`${value}::numeric`
    case 'date':
      return sql`${value}::date`
    case 'timestamp':
      return sql`${value}::timestamptz`
    case 'boolean':
      return sql`${value}::boolean`
    case 'uuid':
      return sql`${value}::uuid`
    default:
      return sql`${value}::text`
  }
}

function filterCondition(
  field: FieldSpec,
  op: FilterOp,
  raw: string,
  path: string,
): RawBuilder<unknown> {
  const e = field.expr
  if (op === 'empty') {
    if (raw !== 'true' && raw !== 'false') throw bad(path, 'invalid_type', 'Use true or false')
    const isEmpty =
      field.type === 'text[]'
        ? sql`coalesce(cardinality(${e}), 0) = 0`
        : field.type === 'jsonb-array'
          ? sql`coalesce(jsonb_array_length(${e}), 0) = 0`
          : field.type === 'text'
            ? sql`coalesce(${e}, '') = ''`
            : sql`${e} is null`
    return raw === 'true' ? isEmpty : sql`not (${isEmpty})`
  }
  if (field.type === 'text[]' || field.type === 'jsonb-array') {
    const values = raw
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
    if (op === 'contains' || op === 'eq') {
      return field.type === 'text[]'
        ? sql`${e} @> ${values}::text[]`
        : sql`${e} @> ${JSON.stringify(values)}::jsonb`
    }
    if (op === 'in')
      return field.type === 'text[]'
        ? sql`${e} && ${values}::text[]`
        : sql`${e} ?| ${values}::text[]`
    throw bad(path, 'invalid_filter', `Operator ${op} does not apply to a list field`)
  }
  switch (op) {
    case 'eq':
      return field.type === 'text'
        ? sql`lower(${e}) = lower(${raw})`
        : sql`${e} = ${typed(field, castValue(field, raw, path))}`
    case 'neq':
      return field.type === 'text'
        ? sql`lower(${e}) is distinct from lower(${raw})`
        : sql`${e} is distinct from ${typed(field, castValue(field, raw, path))}`
    case 'contains':
      if (field.type !== 'text')
        throw bad(path, 'invalid_filter', 'contains applies to text fields')
      return sql`${e} ilike ${'%' + escapeLike(raw) + '%'}`
    case 'in': {
      const values = raw.split(',').map((v) => castValue(field, v.trim(), path))
      return sql`${e} in (${sql.join(values.map((v) => typed(field, v)))})`
    }
    case 'gt':
      return sql`${e} > ${typed(field, castValue(field, raw, path))}`
    case 'gte':
      return sql`${e} >= ${typed(field, castValue(field, raw, path))}`
    case 'lt':
      return sql`${e} < ${typed(field, castValue(field, raw, path))}`
    case 'lte':
      return sql`${e} <= ${typed(field, castValue(field, raw, path))}`
  }
}

export function filterConditions(
  spec: ListSpec,
  filter: ListQuery['filter'],
): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = []
  for (const [name, ops] of Object.entries(filter ?? {})) {
    for (const [op, raw] of Object.entries(ops ?? {})) {
      const path = `filter.${name}.${op}`
      out.push(filterCondition(resolveField(spec, name, path), op as FilterOp, raw ?? '', path))
    }
  }
  return out
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url')
}

function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor
    if (typeof c !== 'object' || c === null) throw new Error('not an object')
    return c
  } catch {
    throw bad('cursor', 'invalid_cursor', 'The cursor is not valid')
  }
}

export function searchQuery(q: string): string {
  return q.trim().toLowerCase().slice(0, 200)
}

/**
 * A search ranked by relevance (`q` without `sort`): its ways of matching, so a page can read
 * each one's bounded candidates through its own index instead of scoring every match.
 */
export type RankedSearch = {
  /** The whole match (any of the ways below); it is also in `where`, for counts and callers
   * that apply `where` as it is. */
  match: RawBuilder<unknown>
  /** Names that start with `q`: an index range read in order, which stops at the bound. */
  prefix?: { match: RawBuilder<unknown>; order: RawBuilder<unknown> }
  /** Whole words (stems), through the GIN index: read when the names were too few. */
  words: RawBuilder<unknown>
  /** Substrings, through the trigram index: read only when the names and words found fewer
   * than the bound (as when the last word is still being typed). Absent for one- or two-letter
   * text, which a trigram index cannot narrow (text-match.ts). */
  substring?: RawBuilder<unknown>
  /** The typo-tolerant trigram match: costly for common words, read only when the exact ways
   * found fewer candidates than the bound. Absent for one- or two-letter text. */
  fuzzy?: RawBuilder<unknown>
  idExpr: RawBuilder<unknown>
}

export type PlannedList = {
  /** True when `q` filters the rows: the query must then run with index scans (index-scans.ts). */
  isSearch: boolean
  ranked?: RankedSearch
  where: RawBuilder<unknown>[]
  orderBy: RawBuilder<unknown>
  sortExpr: RawBuilder<unknown>
  limit: number
  offset: number
  /** Builds the next cursor from the last row's sort value and id. */
  nextCursor(rows: { __sort: unknown; id: string }[]): string | null
}

/** Plans filter, search, sort and keyset pagination; the repo adds tenancy and visibility. */
export function planList(spec: ListSpec, query: ListQuery): PlannedList {
  const where = filterConditions(spec, query.filter)
  const cursor = decodeCursor(query.cursor)
  const limit = query.limit
  const q = query.q ? searchQuery(query.q) : ''
  if (q && spec.searchTextExpr && spec.searchVectorExpr) {
    const tsq = sql`(websearch_to_tsquery('finnish', ${q}) || websearch_to_tsquery('english', ${q}))`
    const stems = sql`${spec.searchVectorExpr} @@ ${tsq}`
    const names = spec.namePrefixExpr && startsWith(spec.namePrefixExpr, q)
    // One or two letters match names that start with them and whole words, sorted or ranked,
    // in pages and counts alike: the substring and typo matches would read the whole trigram
    // index (text-match.ts). Longer text keeps every way of matching.
    const trigrams = hasTrigrams(q)
    const fuzzy = trigrams ? sql`${q} <% ${spec.searchTextExpr}` : undefined
    const substring = trigrams
      ? sql`${spec.searchTextExpr} like ${'%' + escapeLike(q) + '%'}`
      : undefined
    const match =
      fuzzy && substring
        ? sql`(${stems} or ${fuzzy} or ${substring})`
        : names
          ? sql`(${names} or ${stems})`
          : stems
    where.push(match)
    if (!query.sort) {
      // Ranked results page by offset: relevance is not a stable keyset.
      const offset = cursor?.o ?? 0
      if (!Number.isInteger(offset) || offset < 0)
        throw bad('cursor', 'invalid_cursor', 'The cursor is not valid')
      const score = sql`greatest(word_similarity(${q}, ${spec.searchTextExpr}), ts_rank(${spec.searchVectorExpr}, ${tsq}))`
      return {
        isSearch: true,
        ranked: {
          match,
          prefix:
            spec.namePrefixExpr && names
              ? { match: names, order: prefixIndexOrder(spec.namePrefixExpr) }
              : undefined,
          words: stems,
          substring,
          fuzzy,
          idExpr: spec.idExpr,
        },
        where,
        sortExpr: score,
        orderBy: sql`${score} desc, ${spec.idExpr} desc`,
        limit,
        offset,
        nextCursor: (rows) => (rows.length > limit ? encodeCursor({ o: offset + limit }) : null),
      }
    }
  }
  const sortParam = query.sort ?? spec.defaultSort
  const isDesc = sortParam.startsWith('-')
  const name = isDesc ? sortParam.slice(1) : sortParam
  const field = resolveField(spec, name, 'sort')
  if (!field.isSortable && !name.startsWith('custom.'))
    throw bad('sort', 'invalid_value', `Cannot sort by ${name}`)
  const e = field.expr
  const id = spec.idExpr
  const dir = isDesc ? sql`desc` : sql`asc`
  const nulls = field.isNotNull ? sql`` : sql` nulls last`
  if (cursor) where.push(keysetCondition(field, id, cursor, isDesc))
  return {
    isSearch: Boolean(q && spec.searchTextExpr),
    where,
    // A timestamp goes into the cursor as text with its microseconds: a JS Date keeps only
    // milliseconds, and rows written in one transaction share their timestamp, so a cursor
    // rounded down skipped the rest of them on PostgreSQL (an imported chunk, a bulk create).
    sortExpr:
      field.type === 'timestamp'
        ? sql`to_char(${e} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
        : e,
    orderBy: sql`${e} ${dir}${nulls}, ${id} ${dir}`,
    limit,
    offset: 0,
    nextCursor: (rows) => {
      if (rows.length <= limit) return null
      const last = rows[limit - 1]!
      const v = last.__sort instanceof Date ? last.__sort.toISOString() : last.__sort
      return encodeCursor({ v, id: last.id })
    },
  }
}

function keysetCondition(
  field: FieldSpec,
  id: RawBuilder<unknown>,
  cursor: Cursor,
  isDesc: boolean,
): RawBuilder<unknown> {
  if (typeof cursor.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(cursor.id)) {
    throw bad('cursor', 'invalid_cursor', 'The cursor is not valid')
  }
  const e = field.expr
  const cmp = isDesc ? sql`<` : sql`>`
  const cursorId = sql`${cursor.id}::uuid`
  // Nulls sort last: past a null the page continues among the nulls by id only.
  if (cursor.v === null || cursor.v === undefined)
    return sql`(${e} is null and ${id} ${cmp} ${cursorId})`
  const v = typed(field, castValue(field, String(cursor.v), 'cursor'))
  if (field.isNotNull) return sql`((${e}, ${id}) ${cmp} (${v}, ${cursorId}))`
  return sql`((${e}, ${id}) ${cmp} (${v}, ${cursorId}) or ${e} is null)`
}

/** Whose records and which deletion state a query may reach. */
export type Visibility = { ownerIds: string[] | null; includeDeleted?: boolean | 'only' }

export function visibilityConditions(
  alias: string,
  ownerColumn: string,
  vis: Visibility,
): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = []
  if (vis.ownerIds)
    out.push(sql`${sql.ref(`${alias}.${ownerColumn}`)} = any(${vis.ownerIds}::uuid[])`)
  if (vis.includeDeleted === 'only') out.push(sql`${sql.ref(`${alias}.deleted_at`)} is not null`)
  else if (!vis.includeDeleted) out.push(sql`${sql.ref(`${alias}.deleted_at`)} is null`)
  return out
}
