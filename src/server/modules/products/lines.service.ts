import type { Line, LineInputBody } from '../../../shared/products.schema'
import { defaultVatRate } from '../../../shared/products.schema'
import { totalsOf, type Totals } from '../../../shared/line-totals'
import type { Db } from '../../db/client'
import { fieldError } from '../../errors'
import { newId } from '../../lib/ids'
import { loadLineRows, replaceLineRows, type LineOwner, type ResolvedLine } from './lines.repo'
import { findProducts } from './products.repo'

/**
 * Fills line defaults from the catalogue. A product that is deleted (or of another workspace)
 * is refused as `lines.<i>.productId`; a line without a product needs a name and a price.
 */
export async function resolveLines(
  db: Db,
  workspaceId: string,
  inputs: LineInputBody[],
): Promise<ResolvedLine[]> {
  const ids = [...new Set(inputs.flatMap((l) => (l.productId ? [l.productId] : [])))]
  const products = new Map((await findProducts(db, workspaceId, ids)).map((p) => [p.id, p]))
  return inputs.map((l, i) => {
    const product = l.productId ? products.get(l.productId) : undefined
    if (l.productId && !product) throw fieldError(`lines.${i}.productId`, 'unknown_reference')
    if (product && !product.isActive && l.unitPrice === undefined)
      throw fieldError(`lines.${i}.productId`, 'product_inactive')
    const name = l.name ?? product?.name
    if (!name) throw fieldError(`lines.${i}.name`, 'required')
    const unitPrice = l.unitPrice ?? product?.unitPrice
    if (unitPrice === undefined) throw fieldError(`lines.${i}.unitPrice`, 'required')
    return {
      id: newId(),
      productId: product?.id ?? null,
      name,
      quantity: l.quantity,
      unitPrice,
      discountPercent: l.discountPercent ?? 0,
      vatRate: l.vatRate ?? product?.vatRate ?? defaultVatRate,
    }
  })
}

export async function saveLines(
  db: Db,
  workspaceId: string,
  owner: LineOwner,
  lines: ResolvedLine[],
): Promise<Totals> {
  await replaceLineRows(db, workspaceId, owner, lines)
  return totalsOf(lines)
}

export async function linesWithTotals(
  db: Db,
  workspaceId: string,
  owner: LineOwner,
): Promise<{ lines: Line[]; totals: Totals }> {
  const lines = await loadLineRows(db, workspaceId, owner)
  return { lines, totals: totalsOf(lines) }
}
