import type { Db } from '../../db/client'
import { loadAnswers, syncAnswerPoints, updateScores, upsertAnswer } from './scores.repo'

// The scorecard rules other modules (deals) use; they never reach the repo directly.

export async function recomputePipelineScores(db: Db, workspaceId: string, pipelineId: string) {
  await syncAnswerPoints(db, workspaceId, pipelineId)
  await updateScores(db, workspaceId, { pipelineId })
}

export async function recomputeDealScore(db: Db, workspaceId: string, dealId: string) {
  await updateScores(db, workspaceId, { dealId })
}

export { loadAnswers as loadScorecardAnswers, upsertAnswer as saveScorecardAnswer }
