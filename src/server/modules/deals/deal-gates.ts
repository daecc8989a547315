import type { Deal } from '../../../shared/deals.schema'
import type { Pipeline, Stage } from '../../../shared/pipelines.schema'
import type { Db } from '../../db/client'
import { AppError } from '../../errors'
import { loadScorecardAnswers } from '../pipelines/scores'
import { countDealLines } from './deal-rules.repo'

type GateSubject = Pick<Deal, 'amount' | 'expectedCloseDate' | 'companyId' | 'contacts'> & {
  id: string | null
}

/** What a gate reads besides the deal, when the caller has already read it (a move does). */
export type GateData = { answers: Map<string, { points: number }>; lineCount: number }

/**
 * Refuses entry to a gated stage, naming every missing criterion and field in one answer:
 * `requiredCriteria.<key>` (criterion not met: unanswered or 0 points) and
 * `requiredFields.<field>`.
 */
export async function checkGate(
  db: Db,
  workspaceId: string,
  pipeline: Pipeline,
  stage: Stage,
  deal: GateSubject,
  read?: GateData,
): Promise<void> {
  const errors: { path: string; code: string; message: string }[] = []
  if (stage.requiredCriteria.length) {
    const answers =
      read?.answers ?? (deal.id ? await loadScorecardAnswers(db, workspaceId, deal.id) : new Map())
    for (const key of stage.requiredCriteria) {
      const criterion = pipeline.scorecard.find((c) => c.key === key)
      const answer = criterion ? answers.get(criterion.id) : undefined
      if (!answer || answer.points <= 0)
        errors.push({
          path: `requiredCriteria.${key}`,
          code: 'gate_criterion_missing',
          message: criterion?.name ?? key,
        })
    }
  }
  for (const field of stage.requiredFields) {
    const missing =
      (field === 'amount' && deal.amount <= 0) ||
      (field === 'expectedCloseDate' && !deal.expectedCloseDate) ||
      (field === 'companyId' && !deal.companyId) ||
      (field === 'contacts' && deal.contacts.length === 0) ||
      (field === 'lines' &&
        (!deal.id || (read?.lineCount ?? (await countDealLines(db, workspaceId, deal.id))) === 0))
    if (missing)
      errors.push({ path: `requiredFields.${field}`, code: 'gate_field_missing', message: field })
  }
  if (errors.length === 0) return
  const names = errors.map((e) => e.message).join(', ')
  throw new AppError('VALIDATION_FAILED', `The stage ${stage.name} requires: ${names}`, { errors })
}
