import type { ApiClient } from './api-client'
import type { SearchResult, SearchType } from './search.schema'

export const search = (api: ApiClient, q: string, types?: SearchType[]) =>
  api.get<{ data: SearchResult[] }>('/search', { q, types: types?.join(','), limit: 20 })
