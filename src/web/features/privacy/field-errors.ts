import { ApiError } from '../../../shared/errors'
import { errorMessage } from '../../lib/problems'

/**
 * The server's field messages by the field they name (the first part of `errors[].path`), for
 * the forms of this feature that are not react-hook-form. Anything that names no known field —
 * or a problem without fields — is under `_`, to show below the form.
 */
export function fieldErrors(
  error: unknown,
  known: readonly string[],
  fallback: string,
): Record<string, string> {
  const issues = error instanceof ApiError ? (error.problem.errors ?? []) : []
  const out: Record<string, string> = {}
  let unmatched = issues.length === 0
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? ''
    if (known.includes(field)) out[field] ??= issue.message
    else unmatched = true
  }
  if (unmatched) out._ = errorMessage(error, fallback)
  return out
}
