import { describe, expect, it } from 'vitest'
import { createApiClient, toSearchParams } from './api-client'
import { ApiError } from './errors'

function fakeFetch(status: number, body: unknown, seen: Request[] = []): typeof fetch {
  return async (input, init) => {
    seen.push(new Request(new URL(String(input), 'http://test'), init))
    const text = body === undefined ? null : JSON.stringify(body)
    return new Response(text, { status, headers: { 'content-type': 'application/json' } })
  }
}

describe('toSearchParams', () => {
  it('writes filters as filter[field][op]=value and leaves out empty values', () => {
    const params = toSearchParams({
      q: 'oy',
      cursor: undefined,
      sort: '',
      filter: { name: { contains: 'Kone' }, 'custom.region': { in: 'a,b' } },
    })
    expect(params.toString()).toBe(
      'q=oy&filter%5Bname%5D%5Bcontains%5D=Kone&filter%5Bcustom.region%5D%5Bin%5D=a%2Cb',
    )
  })
})

describe('createApiClient', () => {
  it('sends the session cookie, extra headers and a JSON body under /api/v1', async () => {
    const seen: Request[] = []
    const api = createApiClient({
      fetch: fakeFetch(201, { id: 'x' }, seen),
      headers: () => ({ 'accept-language': 'fi' }),
    })
    expect(await api.post('/companies', { name: 'Kone Oy' })).toEqual({ id: 'x' })
    const req = seen[0]
    expect(req?.url).toBe('http://test/api/v1/companies')
    expect(req?.credentials).toBe('include')
    expect(req?.headers.get('accept-language')).toBe('fi')
    expect(await req?.json()).toEqual({ name: 'Kone Oy' })
  })

  it('throws ApiError carrying the problem with its field errors', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Tiedoissa on virheitä',
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'businessId', code: 'invalid_business_id', message: 'Y-tunnus ei kelpaa' }],
    }
    const api = createApiClient({ fetch: fakeFetch(400, problem) })
    const error = await api.get('/companies').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('VALIDATION_FAILED')
    expect((error as ApiError).problem.errors?.[0]?.path).toBe('businessId')
  })

  it('turns a non-problem failure into an INTERNAL ApiError with the status', async () => {
    const api = createApiClient({ fetch: fakeFetch(502, undefined) })
    const error = (await api.get('/me').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(502)
    expect(error.code).toBe('INTERNAL')
  })

  it('returns undefined for 204 No Content', async () => {
    const api = createApiClient({ fetch: fakeFetch(204, undefined) })
    expect(await api.delete('/companies/1')).toBeUndefined()
  })
})
