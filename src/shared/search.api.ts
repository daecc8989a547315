import type { ApiClient, RequestOptions } from './api-client'
import type { SearchResult, SearchType } from './search.schema'

export const search = (api: ApiClient, q: string, types?: SearchType[], options?: RequestOptions) =>
  api.get<{ data: SearchResult[] }>('/search', { q, types: types?.join(','), limit: 20 }, options)
