import type { Db } from '../../db/client'
import type {
  CustomField,
  CustomFieldObject,
  CustomFieldType,
} from '../../../shared/custom-fields.schema'

type Row = {
  id: string
  object_type: string
  key: string
  label_fi: string
  label_en: string
  type: string
  options: { value: string; labelFi: string; labelEn: string }[]
  is_required: boolean
  position: number
  created_at: Date
  updated_at: Date
}

export function toCustomField(r: Row): CustomField {
  return {
    id: r.id,
    objectType: r.object_type as CustomFieldObject,
    key: r.key,
    labelFi: r.label_fi,
    labelEn: r.label_en,
    type: r.type as CustomFieldType,
    options: r.options,
    isRequired: r.is_required,
    position: r.position,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

export async function listCustomFieldDefinitions(
  db: Db,
  workspaceId: string,
  objectType?: CustomFieldObject,
): Promise<CustomField[]> {
  let q = db
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
  if (objectType) q = q.where('object_type', '=', objectType)
  const rows = await q.orderBy('position').orderBy('key').execute()
  return rows.map(toCustomField)
}
