import { ApiError } from '../../../../shared/errors'
import { errorMessage } from '../../../lib/problems'

/**
 * The server's field messages of a rules list by `<row>.<field>` (its paths are
 * `rules.<row>.<field>`), so each shows at its input. Anything else is under `_`, shown below
 * the list.
 */
export function ruleErrors(error: unknown, fallback: string): Record<string, string> {
  const issues = error instanceof ApiError ? (error.problem.errors ?? []) : []
  const out: Record<string, string> = {}
  let unmatched = issues.length === 0
  for (const issue of issues) {
    const match = /^rules\.(\d+)\.(\w+)/.exec(issue.path)
    if (match) out[`${match[1]}.${match[2]}`] ??= issue.message || fallback
    else unmatched = true
  }
  if (unmatched) out._ = errorMessage(error, fallback)
  return out
}
