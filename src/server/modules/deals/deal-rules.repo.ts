import type { Db } from '../../db/client'

// Lookups the deal rules need: which referenced records exist and what a gate checks.

export async function liveIds(
  db: Db,
  table: 'companies' | 'contacts' | 'lost_reasons' | 'products',
  workspaceId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  let q = db
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
  if (table !== 'lost_reasons') q = q.where('deleted_at' as never, 'is', null)
  return new Set((await q.execute()).map((r) => r.id))
}

export async function countDealLines(db: Db, workspaceId: string, dealId: string): Promise<number> {
  const row = await db
    .selectFrom('deal_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Position after the last card of a column, so a new deal lands at the bottom. */
export async function endPosition(db: Db, workspaceId: string, stageId: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1
}

/** Position that puts a card at 0-based `index` of a column, between its neighbours. */
export async function positionAt(
  db: Db,
  workspaceId: string,
  stageId: string,
  index: number,
  exceptId: string,
): Promise<number> {
  const rows = await db
    .selectFrom('deals')
    .select('position')
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .where('id', '!=', exceptId)
    .orderBy('position')
    .orderBy('id')
    .offset(Math.max(0, index - 1))
    .limit(2)
    .execute()
  const positions = rows.map((r) => Number(r.position))
  if (index === 0) return positions.length ? (positions[0] ?? 0) - 1 : 0
  const [before, after] = positions
  if (before === undefined) return endPosition(db, workspaceId, stageId)
  if (after === undefined) return before + 1
  return (before + after) / 2
}

export async function openStay(
  db: Db,
  s: {
    workspaceId: string
    id: string
    dealId: string
    pipelineId: string
    stageId: string
    at: Date
    by: string
  },
): Promise<void> {
  await db
    .insertInto('deal_stage_history')
    .values({
      workspace_id: s.workspaceId,
      id: s.id,
      deal_id: s.dealId,
      pipeline_id: s.pipelineId,
      stage_id: s.stageId,
      entered_at: s.at,
      entered_by: s.by,
    })
    .execute()
}

export async function closeStay(
  db: Db,
  workspaceId: string,
  dealId: string,
  at: Date,
  by: string,
): Promise<void> {
  await db
    .updateTable('deal_stage_history')
    .set({ left_at: at, left_by: by })
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .where('left_at', 'is', null)
    .execute()
}

export async function listStays(db: Db, workspaceId: string, dealId: string) {
  return db
    .selectFrom('deal_stage_history as h')
    .innerJoin('pipeline_stages as s', (j) =>
      j.onRef('s.workspace_id', '=', 'h.workspace_id').onRef('s.id', '=', 'h.stage_id'),
    )
    .select(['h.stage_id', 's.name', 'h.entered_at', 'h.left_at', 'h.entered_by'])
    .where('h.workspace_id', '=', workspaceId)
    .where('h.deal_id', '=', dealId)
    .orderBy('h.entered_at')
    .execute()
}
