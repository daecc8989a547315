import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { ZodError, type core } from 'zod'
import { errorStatus, type ErrorCode, type FieldIssue, type Problem } from '../shared/errors'
import { fieldMessages, pickLocale, problemTitles, type Locale } from '../shared/messages'

/** An error whose message is safe to show a user; the cause stays in the log only. */
export class AppError extends Error {
  readonly errors: FieldIssue[] | undefined
  constructor(
    readonly code: ErrorCode,
    message?: string,
    opts: { errors?: Omit<FieldIssue, 'message'>[] | FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message ?? code, { cause: opts.cause })
    this.errors = opts.errors?.map((e) => ({ message: '', ...e }))
  }
}

/** A field-level validation failure raised by a service rule (not by the request schema). */
export function fieldError(path: string, code: string, message?: string): AppError {
  return new AppError('VALIDATION_FAILED', message, {
    errors: [{ path, code, message: message ?? '' }],
  })
}

export function notFound(what = 'Record'): AppError {
  return new AppError('NOT_FOUND', `${what} not found`)
}

function issueCode(issue: core.$ZodIssue): string {
  if (issue.code === 'custom') {
    const params = issue.params as { code?: string } | undefined
    return params?.code ?? 'invalid_value'
  }
  // zod leaves `input` out of issues unless asked; its message still says what it received.
  if (
    issue.code === 'invalid_type' &&
    ('input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message))
  )
    return 'required'
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'invalid_email'
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'invalid_url'
  if (issue.code === 'invalid_format' && issue.format === 'uuid') return 'invalid_id'
  return issue.code
}

export function zodIssuesToFieldIssues(
  issues: readonly core.$ZodIssue[],
  prefix: string[] = [],
): FieldIssue[] {
  const out: FieldIssue[] = []
  for (const issue of issues) {
    const base = [...prefix, ...issue.path.map(String)]
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...base, key].join('.'), code: 'unrecognized_keys', message: '' })
      continue
    }
    out.push({ path: base.join('.'), code: issueCode(issue), message: '' })
  }
  return out
}

function localise(errors: FieldIssue[] | undefined, locale: Locale): FieldIssue[] | undefined {
  return errors?.map((e) => ({
    ...e,
    message: fieldMessages[e.code]?.[locale] ?? (e.message || fieldMessages.invalid_value![locale]),
  }))
}

export function buildProblem(
  code: ErrorCode,
  locale: Locale,
  opts: { detail?: string; errors?: FieldIssue[]; requestId?: string } = {},
): Problem {
  return {
    type: `https://suhde.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: problemTitles[code][locale],
    status: errorStatus[code],
    code,
    ...(opts.detail ? { detail: opts.detail } : {}),
    ...(opts.errors?.length ? { errors: localise(opts.errors, locale) } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
  }
}

function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: Problem) {
  return reply.code(problem.status).type('application/problem+json').send(problem)
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
}

/** The one error handler: every failure leaves as problem+json; only our own bugs are 500. */
export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(req.headers['accept-language'])
  const requestId = req.id
  if (error instanceof AppError) {
    if (error.code === 'INTERNAL') req.log.error({ err: error.cause ?? error }, 'internal error')
    return sendProblem(
      req,
      reply,
      buildProblem(error.code, locale, { detail: error.message, errors: error.errors, requestId }),
    )
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body'
    // The provider flattens each zod issue into { keyword, instancePath, params }; rebuild it.
    const issues = error.validation.map((v) => ({
      ...(v.params as object),
      code: v.keyword,
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message,
    })) as unknown as core.$ZodIssue[]
    const errors = zodIssuesToFieldIssues(issues, where === 'body' ? [] : [where])
    return sendProblem(req, reply, buildProblem('VALIDATION_FAILED', locale, { errors, requestId }))
  }
  if (error instanceof ZodError) {
    return sendProblem(
      req,
      reply,
      buildProblem('VALIDATION_FAILED', locale, {
        errors: zodIssuesToFieldIssues(error.issues),
        requestId,
      }),
    )
  }
  const fastifyError = error as FastifyError
  const mapped = fastifyError.code ? frameworkCodes[fastifyError.code] : undefined
  if (mapped)
    return sendProblem(
      req,
      reply,
      buildProblem(mapped, locale, { detail: fastifyError.message, requestId }),
    )
  const byStatus: Record<number, ErrorCode> = {
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  }
  const status = fastifyError.statusCode
  if (status && status >= 400 && status < 500) {
    const code = byStatus[status] ?? 'VALIDATION_FAILED'
    return sendProblem(
      req,
      reply,
      buildProblem(code, locale, { detail: fastifyError.message, requestId }),
    )
  }
  req.log.error({ err: error }, 'unhandled error')
  return sendProblem(req, reply, buildProblem('INTERNAL', locale, { requestId }))
}

export function handleNotFound(req: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(req.headers['accept-language'])
  return sendProblem(
    req,
    reply,
    buildProblem('NOT_FOUND', locale, {
      detail: `No route ${req.method} ${req.url.split('?')[0]}`,
      requestId: req.id,
    }),
  )
}

/** Maps PostgreSQL errors that a client can cause (bad reference, duplicate) to AppErrors. */
export function mapDbError(err: unknown): unknown {
  const e = err as { code?: string; constraint?: string; detail?: string }
  if (e?.code === '23505')
    return new AppError('CONFLICT', 'A record with the same unique value exists', {
      cause: err,
      errors: [{ path: constraintField(e.constraint), code: 'duplicate', message: '' }],
    })
  if (e?.code === '23503')
    return new AppError('VALIDATION_FAILED', 'A referenced record does not exist', {
      cause: err,
      errors: [{ path: constraintField(e.constraint), code: 'unknown_reference', message: '' }],
    })
  if (e?.code === '22P02' || e?.code === '22007' || e?.code === '22008')
    return new AppError('VALIDATION_FAILED', 'A value has the wrong format', { cause: err })
  return err
}

function constraintField(constraint: string | undefined): string {
  if (!constraint) return ''
  const m =
    /_(owner|parent|assignee|company|contact|tag|team|user)_id_fkey$/.exec(constraint) ??
    /_(owner|parent|assignee|company|contact|tag|team|user)_/.exec(constraint)
  return m ? `${m[1]}Id` : ''
}

/**
 * In a bulk request, names the record a missing reference came from — `records.1.ownerId`,
 * `records.1.tagIds.0` — instead of the bare `ownerId`/`tagId` of mapDbError. PostgreSQL says
 * which key was missing in the violation's detail (`Key (workspace_id, owner_id)=(…, <id>) is
 * not present…`); the first record holding that id in the field (or its list) is the one.
 */
export function withRecordPath(err: unknown, records: readonly object[]): unknown {
  if (!(err instanceof AppError)) return err
  const mapped = err
  const issue = mapped.errors?.[0]
  const detail = (mapped.cause as { detail?: unknown } | undefined)?.detail
  if (!issue || issue.code !== 'unknown_reference' || typeof detail !== 'string') return err
  const value = /\)=\((?:[^)]*, )?([^),]+)\) is not present/.exec(detail)?.[1]
  const field = issue.path
  if (!value || !field) return err
  for (const [i, record] of records.entries()) {
    const r = record as Record<string, unknown>
    const list = r[`${field}s`]
    const j = Array.isArray(list) ? list.indexOf(value) : -1
    const path =
      r[field] === value ? `records.${i}.${field}` : j >= 0 ? `records.${i}.${field}s.${j}` : null
    if (path)
      return new AppError(mapped.code, mapped.message, {
        cause: mapped.cause,
        errors: [{ ...issue, path }],
      })
  }
  return err
}

/** Runs a bulk service call so a missing reference names its record (withRecordPath). */
export async function namingRecords<T>(
  isBulk: boolean,
  records: readonly object[],
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw isBulk ? withRecordPath(err, records) : err
  }
}
