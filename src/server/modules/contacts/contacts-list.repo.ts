import { sql, type RawBuilder } from 'kysely'
import type { FilterOp, ListQuery } from '../../../shared/common.schema'
import type { CustomFieldType } from '../../../shared/custom-fields.schema'
import { normalizeEmail, normalizePhone } from '../../../shared/validators'
import type { ListSpec } from '../../db/list-query'
import { fieldError } from '../../errors'
import { isUuid } from '../../lib/ids'

export function contactListSpec(customTypes: ReadonlyMap<string, CustomFieldType>): ListSpec {
  const f = (
    col: string,
    type: ListSpec['fields'][string]['type'],
    extra: Partial<ListSpec['fields'][string]> = {},
  ) => ({ expr: sql.ref(`c.${col}`), type, isSortable: true, ...extra })
  return {
    idExpr: sql.ref('c.id'),
    customExpr: sql.ref('c.custom'),
    searchTextExpr: sql.ref('c.search_text'),
    searchVectorExpr: sql.ref('c.search_vector'),
    namePrefixExpr: sql`lower(c.last_name)`,
    customTypes,
    defaultSort: '-updatedAt',
    fields: {
      id: f('id', 'uuid', { isNotNull: true }),
      firstName: f('first_name', 'text'),
      lastName: f('last_name', 'text'),
      title: f('title', 'text'),
      language: f('language', 'text'),
      birthDate: f('birth_date', 'date'),
      gender: f('gender', 'text'),
      lifecycleStage: f('lifecycle_stage', 'text'),
      ownerId: f('owner_id', 'uuid'),
      interests: { expr: sql.ref('c.interests'), type: 'text[]' },
      city: { expr: sql`(c.address->>'city')`, type: 'text', isSortable: true },
      sourceChannel: { expr: sql`(c.source->>'channel')`, type: 'text', isSortable: true },
      sourceCampaign: { expr: sql`(c.source->>'campaign')`, type: 'text', isSortable: true },
      tags: {
        expr: sql`array(select t.tag_id::text from contact_tags t where t.workspace_id = c.workspace_id and t.contact_id = c.id)`,
        type: 'text[]',
      },
      createdAt: f('created_at', 'timestamp', { isNotNull: true }),
      updatedAt: f('updated_at', 'timestamp', { isNotNull: true }),
      deletedAt: f('deleted_at', 'timestamp'),
    },
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

const splitList = (raw: string) =>
  raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

function emptyFlag(raw: string, path: string): boolean {
  if (raw !== 'true' && raw !== 'false') throw fieldError(path, 'invalid_type', 'Use true or false')
  return raw === 'true'
}

/** emails / phones are jsonb lists: eq and in use the GIN index through @>. */
function jsonListCondition(
  column: 'emails' | 'phones',
  key: 'address' | 'number',
  op: FilterOp,
  raw: string,
  path: string,
): RawBuilder<unknown> {
  const col = sql.ref(`c.${column}`)
  const norm = (v: string) =>
    column === 'emails' ? normalizeEmail(v) : (normalizePhone(v) ?? v.replace(/[^\d+]/g, ''))
  const has = (v: string) => sql`${col} @> ${JSON.stringify([{ [key]: norm(v) }])}::jsonb`
  switch (op) {
    case 'eq':
      return has(raw)
    case 'in': {
      const values = splitList(raw)
      if (values.length === 0) throw fieldError(path, 'invalid_filter', 'No values')
      return sql`(${sql.join(values.map(has), sql` or `)})`
    }
    case 'contains': {
      const needle = column === 'emails' ? normalizeEmail(raw) : raw.replace(/[^\d+]/g, '')
      return sql`exists (select 1 from jsonb_array_elements(${col}) e where e->>${key} like ${'%' + escapeLike(needle) + '%'})`
    }
    case 'empty':
      return emptyFlag(raw, path)
        ? sql`jsonb_array_length(${col}) = 0`
        : sql`jsonb_array_length(${col}) > 0`
    default:
      throw fieldError(path, 'invalid_filter', `Operator ${op} does not apply to ${column}`)
  }
}

function companyCondition(op: FilterOp, raw: string, path: string): RawBuilder<unknown> {
  const linked = (ids: string[]) =>
    sql`exists (select 1 from contact_companies l where l.workspace_id = c.workspace_id and l.contact_id = c.id and l.company_id = any(${ids}::uuid[]))`
  if (op === 'empty') {
    const any = sql`exists (select 1 from contact_companies l where l.workspace_id = c.workspace_id and l.contact_id = c.id)`
    return emptyFlag(raw, path) ? sql`not ${any}` : any
  }
  if (op !== 'eq' && op !== 'in')
    throw fieldError(path, 'invalid_filter', `Operator ${op} does not apply to companyId`)
  const ids = op === 'eq' ? [raw] : splitList(raw)
  if (ids.length === 0 || !ids.every(isUuid)) throw fieldError(path, 'invalid_id', 'Not an id')
  return linked(ids)
}

const specialFilters = ['email', 'phone', 'companyId'] as const

/**
 * Splits off the filters the generic planner cannot express (email and phone inside the jsonb
 * lists, linked company) and returns their SQL with the rest of the query.
 */
export function contactSpecialFilters(query: ListQuery): {
  rest: ListQuery
  where: RawBuilder<unknown>[]
} {
  const filter = { ...query.filter }
  const where: RawBuilder<unknown>[] = []
  for (const name of specialFilters) {
    const ops = filter[name]
    delete filter[name]
    for (const [op, raw] of Object.entries(ops ?? {})) {
      const path = `filter.${name}.${op}`
      const value = raw ?? ''
      where.push(
        name === 'email'
          ? jsonListCondition('emails', 'address', op as FilterOp, value, path)
          : name === 'phone'
            ? jsonListCondition('phones', 'number', op as FilterOp, value, path)
            : companyCondition(op as FilterOp, value, path),
      )
    }
  }
  return { rest: { ...query, filter }, where }
}
