// The closed set of error codes the API returns. Clients switch on `code`, never on `title` text.
export const errorCodes = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

/** One problem with one input field; `path` is the JSON path of the field, e.g. `emails.0.address`. */
export type FieldIssue = { path: string; code: string; message: string }

/** RFC 9457 problem details with Suhde's stable `code` and per-field `errors`. */
export type Problem = {
  type: string
  title: string
  status: number
  code: ErrorCode
  detail?: string
  errors?: FieldIssue[]
  requestId?: string
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title)
  }
  get code(): ErrorCode {
    return this.problem.code
  }
  get status(): number {
    return this.problem.status
  }
}
