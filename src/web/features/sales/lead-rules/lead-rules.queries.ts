import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AssignmentRule, ScoringRule } from '../../../../shared/leads.schema'
import * as sales from '../../../../shared/sales.api'
import { api } from '../../../lib/api'
import { salesKeys } from '../sales.queries'

const scoringKey = ['lead-scoring-rules'] as const
const assignmentKey = ['lead-assignment-rules'] as const

export const useScoringRules = () =>
  useQuery({ queryKey: scoringKey, queryFn: async () => (await sales.getScoringRules(api)).rules })

export const useAssignmentRules = () =>
  useQuery({
    queryKey: assignmentKey,
    queryFn: async () => (await sales.getAssignmentRules(api)).rules,
  })

export function useSaveScoringRules() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (rules: ScoringRule[]) => sales.setScoringRules(api, rules),
    onSuccess: (res) => {
      qc.setQueryData(scoringKey, res.rules)
      // Saving rescores every open lead.
      void qc.invalidateQueries({ queryKey: salesKeys.leads })
    },
  })
}

export function useSaveAssignmentRules() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (rules: AssignmentRule[]) => sales.setAssignmentRules(api, rules),
    onSuccess: (res) => qc.setQueryData(assignmentKey, res.rules),
  })
}

/** Scores of the open leads with draft rules; nothing is saved. */
export const usePreviewScoringRules = () =>
  useMutation({ mutationFn: (rules: ScoringRule[]) => sales.previewScoringRules(api, rules) })
