import type { Company } from '../../../shared/companies.schema'
import type { Contact } from '../../../shared/contacts.schema'
import type { FieldIssue } from '../../../shared/errors'
import {
  companyMergeFields,
  contactMergeFields,
  unionMergeFields,
  type MergeCreate,
} from '../../../shared/merges.schema'
import { AppError } from '../../errors'

// The values of the merged record, field by field: the value of the record the user picked,
// else the survivor's, else the first non-empty one among the merged records. List fields take
// the union (the survivor's entries first) unless one record is picked. Pure, so tested alone.

type Values = Record<string, unknown>
export type MergeRecord = { id: string; values: Values; tagIds: string[] }

export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true
  if (Array.isArray(v)) return v.length === 0
  if (typeof v === 'object') return Object.values(v).every(isEmptyValue)
  return false
}

const customKey = /^custom\.[a-z][a-z0-9_]{0,62}$/

/** Refuses choices of unknown fields, of records outside the merge, or "union" for a scalar. */
export function checkChoices(
  objectType: MergeCreate['objectType'],
  fields: MergeCreate['fields'],
  recordIds: string[],
): void {
  const known: readonly string[] =
    objectType === 'contact' ? contactMergeFields : companyMergeFields
  const issues: Omit<FieldIssue, 'message'>[] = []
  for (const [field, choice] of Object.entries(fields)) {
    const path = `fields.${field}`
    if (!known.includes(field) && !customKey.test(field))
      issues.push({ path, code: 'unknown_merge_field' })
    else if (choice === 'union' && !(unionMergeFields as readonly string[]).includes(field))
      issues.push({ path, code: 'merge_union_not_list' })
    else if (choice !== 'union' && !recordIds.includes(choice))
      issues.push({ path, code: 'merge_record_not_in_merge' })
  }
  if (issues.length)
    throw new AppError('VALIDATION_FAILED', 'The field choices are not valid', { errors: issues })
}

/** Key that makes two list entries the same one. */
function entryKey(field: string, entry: unknown): string {
  if (typeof entry === 'string') return entry.toLowerCase()
  const e = entry as Record<string, unknown>
  if (field === 'emails') return String(e.address).toLowerCase()
  if (field === 'phones') return String(e.number)
  return JSON.stringify(entry)
}

function union(field: string, lists: unknown[][]): unknown[] {
  const seen = new Set<string>()
  const out: unknown[] = []
  for (const entry of lists.flat()) {
    const key = entryKey(field, entry)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(entry)
  }
  if (field !== 'emails') return out
  // Exactly one primary address: the first one marked so (the survivor's), else the first.
  const emails = out as Contact['emails']
  const primary = Math.max(
    0,
    emails.findIndex((e) => e.primary),
  )
  return emails.map((e, i) => ({ ...e, primary: i === primary }))
}

function pick(
  records: MergeRecord[],
  choice: string | undefined,
  get: (r: MergeRecord) => unknown,
) {
  const chosen = choice && records.find((r) => r.id === choice)
  if (chosen) return get(chosen)
  const first = records.find((r) => !isEmptyValue(get(r)))
  return first ? get(first) : (get(records[0] as MergeRecord) ?? null)
}

export type MergedValues = { values: Values; tagIds: string[] }

/**
 * The merged values. `records` starts with the survivor, then the merged records in the order
 * given; `fields` are the user's choices (already checked with checkChoices).
 */
export function mergeRecordValues(
  objectType: MergeCreate['objectType'],
  records: MergeRecord[],
  fields: MergeCreate['fields'],
): MergedValues {
  const names: readonly string[] =
    objectType === 'contact' ? contactMergeFields : companyMergeFields
  const values: Values = {}
  for (const field of names) {
    if (field === 'tags') continue
    const choice = fields[field]
    const isList = (unionMergeFields as readonly string[]).includes(field)
    values[field] =
      isList && (choice === undefined || choice === 'union')
        ? union(
            field,
            records.map((r) => (r.values[field] as unknown[] | undefined) ?? []),
          )
        : pick(records, choice, (r) => r.values[field] ?? null)
  }
  const keys = new Set(records.flatMap((r) => Object.keys((r.values.custom as Values) ?? {})))
  const custom: Values = {}
  for (const key of keys) {
    const v = pick(records, fields[`custom.${key}`], (r) => (r.values.custom as Values)[key])
    if (v !== undefined && v !== null) custom[key] = v
  }
  values.custom = custom
  const tagChoice = fields.tags
  const tagIds =
    tagChoice && tagChoice !== 'union'
      ? (records.find((r) => r.id === tagChoice)?.tagIds ?? [])
      : [...new Set(records.flatMap((r) => r.tagIds))]
  return { values, tagIds }
}

export function contactRecord(c: Contact): MergeRecord {
  const { id, tags, companies: _c, createdAt: _a, updatedAt: _u, deletedAt: _d, ...rest } = c
  // When a person was erased is not a value to choose between.
  const { erasedAt: _e, ...values } = rest
  return { id, values, tagIds: tags.map((t) => t.id) }
}

export function companyRecord(c: Company): MergeRecord {
  const { id, tags, createdAt: _a, updatedAt: _u, deletedAt: _d, ...values } = c
  return { id, values, tagIds: tags.map((t) => t.id) }
}
