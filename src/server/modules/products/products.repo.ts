import type { Selectable } from 'kysely'
import type { Product } from '../../../shared/products.schema'
import type { Db } from '../../db/client'
import type { ProductsTable } from '../../db/schema'

export type ProductValues = {
  name: string
  sku: string | null
  description: string | null
  unit: string | null
  unitPrice: number
  currency: string
  vatRate: number
  isActive: boolean
}

function toProduct(r: Selectable<ProductsTable>): Product {
  return {
    id: r.id,
    name: r.name,
    sku: r.sku,
    description: r.description,
    unit: r.unit,
    unitPrice: Number(r.unit_price),
    currency: r.currency,
    vatRate: Number(r.vat_rate),
    isActive: r.is_active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
  }
}

function toRow(v: ProductValues) {
  return {
    name: v.name,
    sku: v.sku,
    description: v.description,
    unit: v.unit,
    unit_price: v.unitPrice,
    currency: v.currency,
    vat_rate: v.vatRate,
    is_active: v.isActive,
  }
}

export async function insertProduct(db: Db, workspaceId: string, id: string, v: ProductValues) {
  await db
    .insertInto('products')
    .values({ workspace_id: workspaceId, id, ...toRow(v) })
    .execute()
}

export async function updateProductRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: Partial<ProductValues> & { deletedAt?: Date | null },
) {
  const set: Record<string, unknown> = { updated_at: new Date() }
  if (v.name !== undefined) Object.assign(set, toRow(v as ProductValues))
  if (v.deletedAt !== undefined) set.deleted_at = v.deletedAt
  await db
    .updateTable('products')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function findProducts(
  db: Db,
  workspaceId: string,
  ids: string[],
  opts: { includeDeleted?: boolean; forUpdate?: boolean } = {},
): Promise<Product[]> {
  if (ids.length === 0) return []
  let q = db
    .selectFrom('products')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
  if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null)
  if (opts.forUpdate) q = q.forUpdate()
  return (await q.execute()).map(toProduct)
}

export async function listProductRows(
  db: Db,
  workspaceId: string,
  opts: { q?: string; isActive?: boolean; limit: number; after?: string },
): Promise<Product[]> {
  let q = db
    .selectFrom('products')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('sku', 'ilike', like)]))
  }
  if (opts.isActive !== undefined) q = q.where('is_active', '=', opts.isActive)
  if (opts.after) q = q.where('name', '>', opts.after)
  return (await q.orderBy('name').orderBy('id').limit(opts.limit).execute()).map(toProduct)
}
