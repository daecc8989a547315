import { sql } from 'kysely'
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

export type CustomFieldValues = {
  labelFi: string
  labelEn: string
  options: CustomField['options']
  isRequired: boolean
  position: number
}

export async function findCustomField(
  db: Db,
  workspaceId: string,
  id: string,
  forUpdate = false,
): Promise<CustomField | undefined> {
  let q = db
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && toCustomField(row)
}

export async function nextCustomFieldPosition(
  db: Db,
  workspaceId: string,
  objectType: CustomFieldObject,
): Promise<number> {
  const row = await db
    .selectFrom('custom_field_definitions')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('workspace_id', '=', workspaceId)
    .where('object_type', '=', objectType)
    .executeTakeFirst()
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1
}

export async function insertCustomField(
  db: Db,
  workspaceId: string,
  id: string,
  def: { objectType: CustomFieldObject; key: string; type: CustomFieldType } & CustomFieldValues,
): Promise<CustomField> {
  const row = await db
    .insertInto('custom_field_definitions')
    .values({
      workspace_id: workspaceId,
      id,
      object_type: def.objectType,
      key: def.key,
      label_fi: def.labelFi,
      label_en: def.labelEn,
      type: def.type,
      options: JSON.stringify(def.options),
      is_required: def.isRequired,
      position: def.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toCustomField(row)
}

export async function updateCustomField(
  db: Db,
  workspaceId: string,
  id: string,
  v: CustomFieldValues,
): Promise<CustomField> {
  const row = await db
    .updateTable('custom_field_definitions')
    .set({
      label_fi: v.labelFi,
      label_en: v.labelEn,
      options: JSON.stringify(v.options),
      is_required: v.isRequired,
      position: v.position,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toCustomField(row)
}

export async function deleteCustomField(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('custom_field_definitions')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function setCustomFieldPositions(
  db: Db,
  workspaceId: string,
  positions: { id: string; position: number }[],
): Promise<void> {
  if (positions.length === 0) return
  await sql`
    update custom_field_definitions d set position = p.position, updated_at = now()
    from unnest(${positions.map((p) => p.id)}::uuid[], ${positions.map((p) => p.position)}::int[])
      as p(id, position)
    where d.workspace_id = ${workspaceId} and d.id = p.id`.execute(db)
}

const valueTables = {
  company: 'companies',
  contact: 'contacts',
  activity: 'activities',
  deal: 'deals',
} as const

/** Removes a field's stored values from every record of the object; returns how many changed. */
export async function removeCustomValues(
  db: Db,
  workspaceId: string,
  objectType: CustomFieldObject,
  key: string,
): Promise<number> {
  // updated_at stays: the record's own data did not change, only a definition went away.
  const result = await sql`
    update ${sql.table(valueTables[objectType])} set custom = custom - ${key}::text
    where workspace_id = ${workspaceId} and custom ? ${key}`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
