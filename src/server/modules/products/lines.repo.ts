import type { Line } from '../../../shared/products.schema'
import { lineAmounts } from '../../../shared/line-totals'
import type { Db } from '../../db/client'

// Deal lines and quote lines have one shape; `owner` says which table and parent column.
export type LineOwner =
  { table: 'deal_lines'; parentId: string } | { table: 'quote_lines'; parentId: string }
export type ResolvedLine = Omit<Line, 'net' | 'vat' | 'gross'>

const parentColumn = (o: LineOwner) => (o.table === 'deal_lines' ? 'deal_id' : 'quote_id')

export async function replaceLineRows(
  db: Db,
  workspaceId: string,
  owner: LineOwner,
  lines: ResolvedLine[],
) {
  const col = parentColumn(owner)
  await db
    .deleteFrom(owner.table)
    .where('workspace_id', '=', workspaceId)
    .where(col as never, '=', owner.parentId as never)
    .execute()
  if (lines.length === 0) return
  await db
    .insertInto(owner.table)
    .values(
      lines.map((l, position) => ({
        workspace_id: workspaceId,
        id: l.id,
        [col]: owner.parentId,
        product_id: l.productId,
        name: l.name,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        discount_percent: l.discountPercent,
        vat_rate: l.vatRate,
        position,
      })) as never,
    )
    .execute()
}

export async function loadLineRows(db: Db, workspaceId: string, owner: LineOwner): Promise<Line[]> {
  const rows = await db
    .selectFrom(owner.table)
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(parentColumn(owner) as never, '=', owner.parentId as never)
    .orderBy('position')
    .execute()
  return rows.map((r) => {
    const line = {
      id: r.id,
      productId: r.product_id,
      name: r.name,
      quantity: Number(r.quantity),
      unitPrice: Number(r.unit_price),
      discountPercent: Number(r.discount_percent),
      vatRate: Number(r.vat_rate),
    }
    return { ...line, ...lineAmounts(line) }
  })
}
