import type { ScoringRule } from '../../../shared/leads.schema'
import type { Db } from '../../db/client'
import type { LeadAttrs } from './leads.repo'
import { activityCounts } from './leads.repo'

type FitSubject = Pick<LeadAttrs, 'industry' | 'region' | 'companySize' | 'source'> & {
  title: string | null
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase()

/** Fit: the sum of the points of every fit rule whose field equals its value (any case). */
export function fitScore(rules: ScoringRule[], lead: FitSubject): number {
  let score = 0
  for (const r of rules)
    if (r.kind === 'fit' && norm(lead[r.field]) !== '' && norm(lead[r.field]) === norm(r.value))
      score += r.points
  return score
}

/** Engagement: points per activity of the type on the lead, capped per rule by maxPoints. */
export function engagementScore(rules: ScoringRule[], counts: Map<string, number>): number {
  let score = 0
  for (const r of rules) {
    if (r.kind !== 'engagement') continue
    const points = (counts.get(r.field) ?? 0) * r.points
    score += r.maxPoints == null ? points : Math.min(points, r.maxPoints)
  }
  return score
}

export async function scoresOf(
  db: Db,
  workspaceId: string,
  rules: ScoringRule[],
  contactId: string | null,
  lead: FitSubject,
): Promise<{ fitScore: number; engagementScore: number }> {
  const counts = contactId
    ? await activityCounts(db, workspaceId, contactId)
    : new Map<string, number>()
  return { fitScore: fitScore(rules, lead), engagementScore: engagementScore(rules, counts) }
}
