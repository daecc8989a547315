import { notifications } from '@mantine/notifications'
import {
  get,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormSetError,
} from 'react-hook-form'
import { ApiError } from '../../shared/errors'

/**
 * The server's message for the user. Title and field messages come localised from
 * Accept-Language; `detail` is meant for developers, so it is not shown here.
 */
export function errorMessage(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback
  const fields = (error.problem.errors ?? []).map((e) => e.message).filter(Boolean)
  return fields.length ? `${error.problem.title}: ${fields.join('; ')}` : error.problem.title
}

export function notifyError(error: unknown, fallback: string): void {
  notifications.show({ color: 'red', title: fallback, message: errorMessage(error, fallback) })
}

/**
 * Puts each `errors[].path` of a validation problem on its form field. Returns the issues that
 * matched no field, so the caller can show them elsewhere.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
): string[] {
  if (!(error instanceof ApiError)) return []
  const unmatched: string[] = []
  for (const issue of error.problem.errors ?? []) {
    const name = fieldNames.find((f) => issue.path === f || issue.path.startsWith(`${f}.`))
    if (name) setError(issue.path as Path<T>, { type: issue.code, message: issue.message })
    else unmatched.push(issue.message)
  }
  return unmatched
}

/** Shows a failed form submit: on the fields where the server named one, else as a notice. */
export function reportFormError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
  fallback: string,
): void {
  const issues = error instanceof ApiError ? (error.problem.errors ?? []) : []
  const unmatched = applyFieldErrors(error, setError, fieldNames)
  if (issues.length === 0 || unmatched.length > 0) notifyError(error, fallback)
}

/** The message of the form error at a dotted path such as `custom.region`, if any. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const error: unknown = get(errors, path)
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined
  return typeof error.message === 'string' ? error.message : undefined
}
