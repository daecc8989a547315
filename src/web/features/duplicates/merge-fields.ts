import type { Company } from '../../../shared/companies.schema'
import type { Contact } from '../../../shared/contacts.schema'
import type { DuplicateObjectType } from '../../../shared/duplicates.schema'
import {
  companyMergeFields,
  contactMergeFields,
  unionMergeFields,
} from '../../../shared/merges.schema'

// The rows of the merge dialog: one per field whose values differ between the records, with
// each record's value as text and the choice the server would make if none is sent.

export type MergeableRecord = Contact | Company

export type FieldRow = {
  field: string
  isList: boolean
  values: { recordId: string; text: string }[]
}

const valueOf = (r: MergeableRecord, field: string): unknown => {
  if (field.startsWith('custom.')) return r.custom[field.slice(7)]
  if (field === 'tags') return r.tags
  return (r as unknown as Record<string, unknown>)[field]
}

/** Rows where the records differ; `format` turns a value into what a person reads. */
export function mergeRows(
  objectType: DuplicateObjectType,
  records: MergeableRecord[],
  format: (field: string, value: unknown) => string,
): FieldRow[] {
  const names: readonly string[] =
    objectType === 'contact' ? contactMergeFields : companyMergeFields
  const customKeys = [...new Set(records.flatMap((r) => Object.keys(r.custom)))].sort()
  const fields = [...names, ...customKeys.map((k) => `custom.${k}`)]
  return fields.flatMap((field) => {
    const values = records.map((r) => ({ recordId: r.id, text: format(field, valueOf(r, field)) }))
    const isSame = values.every((v) => v.text === values[0]?.text)
    if (isSame) return []
    return [{ field, isList: (unionMergeFields as readonly string[]).includes(field), values }]
  })
}

/** The choice the server makes by default: union for lists, else the first non-empty value. */
export function defaultChoice(row: FieldRow, survivorId: string): string {
  if (row.isList) return 'union'
  const ordered = [
    ...row.values.filter((v) => v.recordId === survivorId),
    ...row.values.filter((v) => v.recordId !== survivorId),
  ]
  return (ordered.find((v) => v.text !== '') ?? ordered[0])?.recordId ?? survivorId
}
