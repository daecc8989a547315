import type { ScoringPreview, ScoringRule } from '../../../shared/leads.schema'
import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { engagementScore, fitScore } from './lead-scoring'
import { allLeadIds, findLeads, openLeadActivityCounts } from './leads.repo'

/**
 * Scores the open leads the caller may see with draft rules, writing nothing, so the editor can
 * show what saving would do. Same arithmetic as the rescore on save (lead-scoring.ts).
 */
export async function previewScoringRules(
  deps: Deps,
  actor: Actor,
  rules: ScoringRule[],
): Promise<ScoringPreview> {
  authorize(actor, 'leads', 'read')
  const ws = actor.workspaceId
  const [ids, counts, ownerIds] = await Promise.all([
    allLeadIds(deps.db, ws),
    openLeadActivityCounts(deps.db, ws),
    visibleOwnerIds(deps, actor),
  ])
  const leads = await findLeads(deps.db, ws, { ids, ownerIds, limit: 100_000 })
  const scored = leads.map((l) => ({
    id: l.id,
    name: [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email || l.companyName || '',
    score: l.score,
    newScore: fitScore(rules, l) + engagementScore(rules, counts.get(l.id) ?? new Map()),
  }))
  return {
    openLeads: scored.length,
    changed: scored.filter((l) => l.newScore !== l.score).length,
    leads: scored.sort((a, b) => b.newScore - a.newScore).slice(0, 10),
  }
}
