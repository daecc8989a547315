import type {
  CustomField,
  CustomFieldCreate,
  CustomFieldObject,
  CustomFieldOrder,
  CustomFieldType,
  CustomFieldUpdate,
} from '../../../shared/custom-fields.schema'
import type { Deps } from '../../deps'
import { AppError, fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { forgetCustomFieldDefinitions } from './definitions-cache'
import { audit } from '../audit/audit.service'
import {
  deleteCustomField,
  findCustomField,
  insertCustomField,
  listCustomFieldDefinitions,
  nextCustomFieldPosition,
  removeCustomValues,
  setCustomFieldPositions,
  updateCustomField,
} from './custom-fields.repo'

const objectType = 'custom_field'

function duplicateKey(key: string, cause?: unknown): AppError {
  return new AppError('CONFLICT', `A custom field with the key ${key} exists`, {
    cause,
    errors: [{ path: 'key', code: 'duplicate' }],
  })
}

/** Select fields need choices to pick from, and a stored value must name exactly one choice. */
function checkOptions(type: CustomFieldType, options: CustomField['options']): void {
  const isSelect = type === 'select' || type === 'multi_select'
  if (!isSelect) {
    if (options.length)
      throw fieldError('options', 'invalid_value', 'Only select fields have options')
    return
  }
  if (options.length === 0) throw fieldError('options', 'too_small', 'Give at least one option')
  const seen = new Set<string>()
  for (const [i, o] of options.entries()) {
    if (seen.has(o.value)) throw fieldError(`options.${i}.value`, 'duplicate')
    seen.add(o.value)
  }
}

export async function listCustomFields(
  deps: Deps,
  actor: Actor,
  objectType?: CustomFieldObject,
): Promise<CustomField[]> {
  authorize(actor, 'custom-fields', 'read')
  return listCustomFieldDefinitions(deps.db, actor.workspaceId, objectType)
}

export async function createCustomField(
  deps: Deps,
  actor: Actor,
  input: CustomFieldCreate,
): Promise<CustomField> {
  authorize(actor, 'custom-fields', 'create')
  const options = input.options ?? []
  checkOptions(input.type, options)
  const existing = await listCustomFieldDefinitions(deps.db, actor.workspaceId, input.objectType)
  if (existing.some((d) => d.key === input.key)) throw duplicateKey(input.key)
  try {
    return await deps.db.transaction().execute(async (trx) => {
      forgetCustomFieldDefinitions(actor.workspaceId)
      const position =
        input.position ?? (await nextCustomFieldPosition(trx, actor.workspaceId, input.objectType))
      const created = await insertCustomField(trx, actor.workspaceId, newId(), {
        objectType: input.objectType,
        key: input.key,
        type: input.type,
        labelFi: input.labelFi,
        labelEn: input.labelEn,
        options,
        isRequired: input.isRequired ?? false,
        position,
      })
      await audit(trx, actor, { action: 'create', objectType, recordIds: [created.id] })
      return created
    })
  } catch (err) {
    // Two admins adding the same key at once: the unique index decides.
    if ((err as { code?: string }).code === '23505') throw duplicateKey(input.key, err)
    throw mapDbError(err)
  }
}

/**
 * Changes labels, options, required and position. Removing an option is allowed even when
 * records store it: those values stay until the field is next written on the record.
 */
export async function changeCustomField(
  deps: Deps,
  actor: Actor,
  id: string,
  input: CustomFieldUpdate,
): Promise<CustomField> {
  authorize(actor, 'custom-fields', 'update')
  return deps.db.transaction().execute(async (trx) => {
    forgetCustomFieldDefinitions(actor.workspaceId)
    const before = await findCustomField(trx, actor.workspaceId, id, true)
    if (!before) throw notFound('Custom field')
    const options = input.options ?? before.options
    checkOptions(before.type, options)
    const after = await updateCustomField(trx, actor.workspaceId, id, {
      labelFi: input.labelFi ?? before.labelFi,
      labelEn: input.labelEn ?? before.labelEn,
      options,
      isRequired: input.isRequired ?? before.isRequired,
      position: input.position ?? before.position,
    })
    await audit(trx, actor, {
      action: 'update',
      objectType,
      recordIds: [id],
      details: { key: before.key, objectType: before.objectType },
    })
    return after
  })
}

/** Deletes the definition and, in the same transaction, its values on every record. */
export async function removeCustomField(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'custom-fields', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    forgetCustomFieldDefinitions(actor.workspaceId)
    const def = await findCustomField(trx, actor.workspaceId, id, true)
    if (!def) throw notFound('Custom field')
    await deleteCustomField(trx, actor.workspaceId, id)
    const cleared = await removeCustomValues(trx, actor.workspaceId, def.objectType, def.key)
    await audit(trx, actor, {
      action: 'delete',
      objectType,
      recordIds: [id],
      details: { key: def.key, objectType: def.objectType, clearedRecords: cleared },
    })
  })
}

/** Puts the listed fields first, in the given order; the rest follow in their old order. */
export async function reorderCustomFields(
  deps: Deps,
  actor: Actor,
  input: CustomFieldOrder,
): Promise<CustomField[]> {
  authorize(actor, 'custom-fields', 'update')
  return deps.db.transaction().execute(async (trx) => {
    forgetCustomFieldDefinitions(actor.workspaceId)
    const defs = await listCustomFieldDefinitions(trx, actor.workspaceId, input.objectType)
    const known = new Set(defs.map((d) => d.id))
    const seen = new Set<string>()
    for (const [i, id] of input.ids.entries()) {
      if (!known.has(id)) throw fieldError(`ids.${i}`, 'unknown_reference')
      if (seen.has(id)) throw fieldError(`ids.${i}`, 'duplicate')
      seen.add(id)
    }
    const rest = defs.filter((d) => !seen.has(d.id)).map((d) => d.id)
    const order = [...input.ids, ...rest].map((id, position) => ({ id, position }))
    await setCustomFieldPositions(trx, actor.workspaceId, order)
    await audit(trx, actor, {
      action: 'update',
      objectType,
      recordIds: input.ids,
      details: { reordered: input.objectType },
    })
    return listCustomFieldDefinitions(trx, actor.workspaceId, input.objectType)
  })
}
