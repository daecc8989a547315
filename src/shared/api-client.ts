import { ApiError, type Problem } from './errors'

// A small fetch wrapper shared by the web app and the CLI. Every failure becomes an ApiError
// carrying the server's problem+json, so callers switch on `code` and map `errors[].path`.

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue | Record<string, Record<string, string>>>

/** Parameters every list endpoint takes (see listQuerySchema). */
export type ListParams = {
  limit?: number
  cursor?: string
  sort?: string
  fields?: string
  q?: string
  includeTotal?: 'true' | 'false'
  includeDeleted?: 'true' | 'false' | 'only'
  filter?: Record<string, Record<string, string>>
}

export type ApiClientOptions = {
  /** Origin plus nothing else, e.g. `http://localhost:3000`; empty for same-origin. */
  baseUrl?: string
  /** Extra headers per request, e.g. Accept-Language or Authorization. */
  headers?: () => Record<string, string>
  fetch?: typeof fetch
}

/** Per-call options; `signal` cancels the request (e.g. a search the user has typed past). */
export type RequestOptions = { signal?: AbortSignal }

export type ApiClient = {
  get<T>(path: string, query?: QueryParams, options?: RequestOptions): Promise<T>
  post<T>(path: string, body?: unknown): Promise<T>
  patch<T>(path: string, body?: unknown): Promise<T>
  put<T>(path: string, body?: unknown): Promise<T>
  delete<T = void>(path: string): Promise<T>
  /** Base URL plus path and query, for links such as downloads. */
  url(path: string, query?: QueryParams): string
}

/** Serialises `filter: { name: { contains: 'x' } }` as `filter[name][contains]=x`. */
export function toSearchParams(query: QueryParams = {}): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (typeof value !== 'object') {
      params.set(key, String(value))
      continue
    }
    for (const [field, ops] of Object.entries(value))
      for (const [op, v] of Object.entries(ops)) params.set(`${key}[${field}][${op}]`, v)
  }
  return params
}

function fallbackProblem(status: number, text: string): Problem {
  return { type: 'about:blank', title: text || `HTTP ${status}`, status, code: 'INTERNAL' }
}

export function createApiClient(opts: ApiClientOptions = {}): ApiClient {
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const url = (path: string, query?: QueryParams) => {
    const qs = toSearchParams(query).toString()
    return `${opts.baseUrl ?? ''}/api/v1${path}${qs ? `?${qs}` : ''}`
  }

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: QueryParams,
    options?: RequestOptions,
  ) {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers?.() }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await doFetch(url(path, query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options?.signal,
    })
    if (res.status === 204) return undefined as T
    const text = await res.text()
    const json: unknown = text ? safeParse(text) : undefined
    if (!res.ok) {
      const isProblem = typeof json === 'object' && json !== null && 'code' in json
      throw new ApiError(isProblem ? (json as Problem) : fallbackProblem(res.status, text))
    }
    return json as T
  }

  return {
    get: (path, query, options) => request('GET', path, undefined, query, options),
    post: (path, body) => request('POST', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    url,
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
