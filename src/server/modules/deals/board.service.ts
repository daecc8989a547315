import type { Board, BoardQuery } from '../../../shared/deals.schema'
import type { Deps } from '../../deps'
import { fieldError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { pipelineStructure } from '../pipelines/pipelines.service'
import { columnCards, columnTotals, type ColumnTotals, type Cursor } from './board.repo'
import { defaultCurrency } from './deals.service'

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor
    if (typeof c.p === 'number' && typeof c.id === 'string' && /^[0-9a-f-]{36}$/.test(c.id))
      return c
  } catch {
    // falls through to the field error
  }
  throw fieldError('cursor', 'invalid_cursor')
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url')

/** The column's totals per currency, the workspace currency first, then alphabetically. */
function currencySums(totals: ColumnTotals[], currency: string) {
  return totals
    .map(({ stageId: _s, ...t }) => t)
    .sort(
      (a, b) =>
        Number(b.currency === currency) - Number(a.currency === currency) ||
        a.currency.localeCompare(b.currency),
    )
}

/**
 * The kanban board: totals come from one aggregate query over all matching open deals, cards
 * are limited per column with a cursor per column, so 10k open deals stay one cheap round trip.
 */
export async function getBoard(
  deps: Deps,
  actor: Actor,
  pipelineId: string,
  q: BoardQuery,
): Promise<Board> {
  authorize(actor, 'deals', 'read')
  const pipeline = await pipelineStructure(deps.db, actor.workspaceId, pipelineId)
  if (!pipeline) throw notFound('Pipeline')
  if (q.cursor && !q.stageId) throw fieldError('stageId', 'required', 'A cursor needs its stageId')
  if (q.stageId && !pipeline.stages.some((s) => s.id === q.stageId))
    throw fieldError('stageId', 'stage_of_other_pipeline')
  const filter = {
    workspaceId: actor.workspaceId,
    pipelineId,
    ownerIds: await visibleOwnerIds(deps, actor),
    ownerId: q.ownerId,
    teamId: q.teamId,
    closeFrom: q.closeFrom,
    closeTo: q.closeTo,
    minScore: q.minScore,
  }
  const only = q.stageId ? { stageId: q.stageId, after: decodeCursor(q.cursor) } : undefined
  const [totals, cards, currency] = await Promise.all([
    columnTotals(deps.db, filter),
    columnCards(deps.db, filter, q.limit, only),
    defaultCurrency(deps, actor),
  ])
  const stages = only ? pipeline.stages.filter((s) => s.id === only.stageId) : pipeline.stages
  return {
    pipelineId,
    currency,
    columns: stages.map((s) => {
      const sums = currencySums(
        totals.filter((x) => x.stageId === s.id),
        currency,
      )
      const main = sums.find((x) => x.currency === currency)
      const all = cards.filter((c) => c.stageId === s.id)
      const page = all.slice(0, q.limit)
      const last = page.at(-1)
      return {
        stageId: s.id,
        name: s.name,
        probability: s.probability,
        count: sums.reduce((n, x) => n + x.count, 0),
        sum: main?.sum ?? 0,
        weightedSum: main?.weightedSum ?? 0,
        sums,
        cards: page.map(({ stageId: _s, ...c }) => c),
        nextCursor:
          all.length > q.limit && last ? encodeCursor({ p: last.position, id: last.id }) : null,
      }
    }),
  }
}
