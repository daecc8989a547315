import type { ListParams, RequestOptions } from '../../../shared/api-client'
import { listCompanies } from '../../../shared/companies.api'
import { prefetchFirstPage } from '../../components/record-list/list-preload'
import { api } from '../../lib/api'

export const fetchCompanyPage = (params: ListParams, options?: RequestOptions) =>
  listCompanies(api, params, options)

/** At boot on /companies (route-preload.ts): the first page of the view in the address. */
export function preload(search: string): void {
  void prefetchFirstPage('company', search, fetchCompanyPage)
}
