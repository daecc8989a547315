import type { Selectable } from 'kysely'
import type { Purpose, PurposeCreate, PurposeUpdate } from '../../../shared/privacy.schema'
import type { Db } from '../../db/client'
import type { PurposesTable } from '../../db/schema'

type Row = Selectable<PurposesTable>

export function toPurpose(r: Row): Purpose {
  return {
    id: r.id,
    key: r.key,
    legalBasis: r.legal_basis as Purpose['legalBasis'],
    channels: r.channels as Purpose['channels'],
    nameFi: r.name_fi,
    nameEn: r.name_en,
    descriptionFi: r.description_fi,
    descriptionEn: r.description_en,
    textVersion: r.text_version,
    requiresDoubleOptIn: r.requires_double_opt_in,
    dataCategories: r.data_categories,
    recipients: r.recipients,
    retentionPeriod: r.retention_period,
    isActive: r.is_active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

function columns(p: PurposeUpdate) {
  return {
    legal_basis: p.legalBasis,
    channels: p.channels,
    name_fi: p.nameFi,
    name_en: p.nameEn,
    description_fi: p.descriptionFi,
    description_en: p.descriptionEn,
    requires_double_opt_in: p.requiresDoubleOptIn,
    data_categories: p.dataCategories,
    recipients: p.recipients,
    retention_period: p.retentionPeriod,
    is_active: p.isActive,
  }
}

export async function insertPurpose(
  db: Db,
  workspaceId: string,
  id: string,
  p: PurposeCreate,
): Promise<Purpose> {
  const row = await db
    .insertInto('purposes')
    .values({ workspace_id: workspaceId, id, key: p.key, ...columns(p) } as never)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toPurpose(row)
}

export async function updatePurposeRow(
  db: Db,
  workspaceId: string,
  id: string,
  p: PurposeUpdate,
  textVersion: number,
): Promise<Purpose> {
  const set = Object.fromEntries(Object.entries(columns(p)).filter(([, v]) => v !== undefined))
  const row = await db
    .updateTable('purposes')
    .set({ ...set, text_version: textVersion, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toPurpose(row)
}

export async function listPurposeRows(db: Db, workspaceId: string): Promise<Purpose[]> {
  const rows = await db
    .selectFrom('purposes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('key')
    .execute()
  return rows.map(toPurpose)
}

export async function findPurpose(
  db: Db,
  workspaceId: string,
  by: { id?: string; key?: string },
  forUpdate = false,
): Promise<Purpose | undefined> {
  let q = db.selectFrom('purposes').selectAll().where('workspace_id', '=', workspaceId)
  if (by.id) q = q.where('id', '=', by.id)
  if (by.key) q = q.where('key', '=', by.key)
  if (forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && toPurpose(row)
}

export async function purposeInUse(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('consent_events')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('purpose_id', '=', id)
    .limit(1)
    .executeTakeFirst()
  return r !== undefined
}

export async function deletePurposeRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('purposes')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}
