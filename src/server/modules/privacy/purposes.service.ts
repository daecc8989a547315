import type { Purpose, PurposeCreate, PurposeUpdate } from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import { AppError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { diffFields, recordEvents } from '../timeline/timeline.service'
import {
  deletePurposeRow,
  findPurpose,
  insertPurpose,
  listPurposeRows,
  purposeInUse,
  updatePurposeRow,
} from './purposes.repo'

// Purposes of processing (newsletter, SMS marketing, profiling…) with their legal basis. A
// consent records the text version the person saw, so changing a text raises the version.

const textFields = ['nameFi', 'nameEn', 'descriptionFi', 'descriptionEn'] as const
const tracked = [
  'legalBasis',
  'channels',
  ...textFields,
  'textVersion',
  'requiresDoubleOptIn',
  'dataCategories',
  'recipients',
  'retentionPeriod',
  'isActive',
]

export async function listPurposes(deps: Deps, actor: Actor): Promise<Purpose[]> {
  authorize(actor, 'purposes', 'read')
  return listPurposeRows(deps.db, actor.workspaceId)
}

export async function getPurpose(deps: Deps, actor: Actor, id: string): Promise<Purpose> {
  authorize(actor, 'purposes', 'read')
  const p = await findPurpose(deps.db, actor.workspaceId, { id })
  if (!p) throw notFound('Purpose')
  return p
}

export async function createPurpose(
  deps: Deps,
  actor: Actor,
  input: PurposeCreate,
): Promise<Purpose> {
  authorize(actor, 'purposes', 'create')
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const p = await insertPurpose(trx, actor.workspaceId, newId(), input)
      await recordEvents(trx, actor, [
        { objectType: 'purpose', recordId: p.id, eventType: 'created' },
      ])
      await audit(trx, actor, { action: 'create', objectType: 'purpose', recordIds: [p.id] })
      return p
    })
  } catch (err) {
    const mapped = mapDbError(err)
    if (mapped instanceof AppError && mapped.code === 'CONFLICT')
      throw new AppError('CONFLICT', 'A purpose with this key exists', {
        errors: [{ path: 'key', code: 'duplicate' }],
      })
    throw mapped
  }
}

export async function updatePurpose(
  deps: Deps,
  actor: Actor,
  id: string,
  input: PurposeUpdate,
): Promise<Purpose> {
  authorize(actor, 'purposes', 'update')
  return deps.db.transaction().execute(async (trx) => {
    const before = await findPurpose(trx, actor.workspaceId, { id }, true)
    if (!before) throw notFound('Purpose')
    const textChanged = textFields.some((f) => input[f] !== undefined && input[f] !== before[f])
    const version = before.textVersion + (textChanged ? 1 : 0)
    const after = await updatePurposeRow(trx, actor.workspaceId, id, input, version)
    const changes = diffFields(before, after, tracked)
    if (changes.length) {
      await recordEvents(trx, actor, [
        { objectType: 'purpose', recordId: id, eventType: 'updated', changes },
      ])
      await audit(trx, actor, { action: 'update', objectType: 'purpose', recordIds: [id] })
    }
    return after
  })
}

/** Only an unused purpose can be deleted; one with consent history is deactivated instead. */
export async function deletePurpose(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'purposes', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    const p = await findPurpose(trx, actor.workspaceId, { id }, true)
    if (!p) throw notFound('Purpose')
    if (await purposeInUse(trx, actor.workspaceId, id))
      throw new AppError(
        'CONFLICT',
        'The purpose has consent history; set isActive to false instead of deleting it',
      )
    await deletePurposeRow(trx, actor.workspaceId, id)
    await recordEvents(trx, actor, [{ objectType: 'purpose', recordId: id, eventType: 'deleted' }])
    await audit(trx, actor, { action: 'delete', objectType: 'purpose', recordIds: [id] })
  })
}
