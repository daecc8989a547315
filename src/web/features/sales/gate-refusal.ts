import type { TFunction } from 'i18next'
import { ApiError } from '../../../shared/errors'
import type { Pipeline } from '../../../shared/pipelines.schema'

/** "Cannot move to Proposal: Budget, Authority, Value" from the server's field-level refusal. */
export function gateRefusalText(
  error: unknown,
  pipeline: Pipeline | undefined,
  stageId: string,
  t: TFunction,
): string {
  const stage = pipeline?.stages.find((s) => s.id === stageId)?.name ?? ''
  if (!(error instanceof ApiError)) return t('common.error')
  const names = (error.problem.errors ?? []).map((e) => {
    const [kind, key = ''] = e.path.split('.')
    if (kind === 'requiredCriteria')
      return pipeline?.scorecard.find((c) => c.key === key)?.name ?? key
    if (kind === 'requiredFields') return t(`sales.settings.fields.${key}`)
    return e.message
  })
  return `${t('sales.board.gateRefused', { stage })}: ${names.join(', ') || error.problem.title}`
}
