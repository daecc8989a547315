import { z } from 'zod'
import type { Product, ProductCreate, ProductUpdate } from '../../../shared/products.schema'
import { defaultVatRate } from '../../../shared/products.schema'
import type { Deps } from '../../deps'
import { AppError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { getWorkspace } from '../workspaces/workspaces.service'
import { diffFields, recordEvents } from '../timeline/timeline.service'
import {
  findProducts,
  insertProduct,
  listProductRows,
  updateProductRow,
  type ProductValues,
} from './products.repo'

export const productListQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  isActive: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().max(300).optional().describe('Name of the last product of the previous page'),
})

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if ((err as { constraint?: string }).constraint === 'products_sku_key')
      throw new AppError('CONFLICT', 'Another product has the same SKU', {
        errors: [{ path: 'sku', code: 'duplicate' }],
      })
    throw mapDbError(err)
  }
}

const tracked = [
  'name',
  'sku',
  'description',
  'unit',
  'unitPrice',
  'currency',
  'vatRate',
  'isActive',
]

export async function createProduct(
  deps: Deps,
  actor: Actor,
  input: ProductCreate,
): Promise<Product> {
  authorize(actor, 'products', 'create')
  const id = newId()
  const currency =
    input.currency ?? (await getWorkspace(deps, actor).catch(() => ({ currency: 'EUR' }))).currency
  const values: ProductValues = {
    name: input.name,
    sku: input.sku ?? null,
    description: input.description ?? null,
    unit: input.unit ?? null,
    unitPrice: input.unitPrice,
    currency,
    vatRate: input.vatRate ?? defaultVatRate,
    isActive: input.isActive ?? true,
  }
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      await insertProduct(trx, actor.workspaceId, id, values)
      await recordEvents(trx, actor, [
        { objectType: 'product', recordId: id, eventType: 'created' },
      ])
      await audit(trx, actor, { action: 'create', objectType: 'product', recordIds: [id] })
      const [p] = await findProducts(trx, actor.workspaceId, [id])
      if (!p) throw notFound('Product')
      return p
    }),
  )
}

export async function getProduct(deps: Deps, actor: Actor, id: string): Promise<Product> {
  authorize(actor, 'products', 'read')
  const [p] = await findProducts(deps.db, actor.workspaceId, [id], { includeDeleted: true })
  if (!p) throw notFound('Product')
  return p
}

export async function listProducts(
  deps: Deps,
  actor: Actor,
  q: z.infer<typeof productListQuerySchema>,
): Promise<{ data: Product[] }> {
  authorize(actor, 'products', 'read')
  const isActive = q.isActive === undefined ? undefined : q.isActive === 'true'
  return { data: await listProductRows(deps.db, actor.workspaceId, { ...q, isActive }) }
}

export async function updateProduct(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ProductUpdate,
): Promise<Product> {
  authorize(actor, 'products', 'update')
  return withDb(() =>
    deps.db.transaction().execute(async (trx) => {
      const [before] = await findProducts(trx, actor.workspaceId, [id], { forUpdate: true })
      if (!before) throw notFound('Product')
      const values: ProductValues = {
        name: input.name ?? before.name,
        sku: input.sku === undefined ? before.sku : input.sku,
        description: input.description === undefined ? before.description : input.description,
        unit: input.unit === undefined ? before.unit : input.unit,
        unitPrice: input.unitPrice ?? before.unitPrice,
        currency: input.currency ?? before.currency,
        vatRate: input.vatRate ?? before.vatRate,
        isActive: input.isActive ?? before.isActive,
      }
      await updateProductRow(trx, actor.workspaceId, id, values)
      const [after] = await findProducts(trx, actor.workspaceId, [id])
      if (!after) throw notFound('Product')
      const changes = diffFields(before, after, tracked)
      await recordEvents(trx, actor, [
        { objectType: 'product', recordId: id, eventType: 'updated', changes },
      ])
      await audit(trx, actor, { action: 'update', objectType: 'product', recordIds: [id] })
      return after
    }),
  )
}

/** Soft delete: lines that used the product keep their copied name and price. */
export async function deleteProduct(deps: Deps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'products', 'delete')
  await deps.db.transaction().execute(async (trx) => {
    const [found] = await findProducts(trx, actor.workspaceId, [id], { forUpdate: true })
    if (!found) throw notFound('Product')
    await updateProductRow(trx, actor.workspaceId, id, { deletedAt: new Date() })
    await recordEvents(trx, actor, [{ objectType: 'product', recordId: id, eventType: 'deleted' }])
    await audit(trx, actor, { action: 'delete', objectType: 'product', recordIds: [id] })
  })
}
