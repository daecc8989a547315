import type { ApiClient, ListParams, RequestOptions } from './api-client'
import type { Page, TimelineEvent } from './common.schema'
import type { Company, CompanyCreate, CompanyUpdate } from './companies.schema'

import type { CompanyContact } from './contacts.schema'

export type CompanyDuplicate = Company

export const listCompanies = (api: ApiClient, params: ListParams, options?: RequestOptions) =>
  api.get<Page<Partial<Company>>>('/companies', params, options)
export const getCompany = (api: ApiClient, id: string) => api.get<Company>(`/companies/${id}`)
export const createCompany = (api: ApiClient, input: CompanyCreate) =>
  api.post<Company>('/companies', input)
export const updateCompany = (api: ApiClient, id: string, input: CompanyUpdate) =>
  api.patch<Company>(`/companies/${id}`, input)
export const deleteCompany = (api: ApiClient, id: string) => api.delete(`/companies/${id}`)
export const bulkDeleteCompanies = (api: ApiClient, ids: string[]) =>
  api.post<{ count: number }>('/companies/bulk-delete', { ids })
export const bulkUpdateCompanies = (api: ApiClient, records: (CompanyUpdate & { id: string })[]) =>
  api.patch<{ data: Company[] }>('/companies/bulk', { records })
export const restoreCompany = (api: ApiClient, id: string) =>
  api.post<Company>(`/companies/${id}/restore`)
export const companyTimeline = (api: ApiClient, id: string, before?: string) =>
  api.get<{ data: TimelineEvent[] }>(`/companies/${id}/timeline`, { before, limit: 50 })
export const listCompanyContacts = (api: ApiClient, id: string) =>
  api.get<Page<Partial<CompanyContact>>>(`/companies/${id}/contacts`, { limit: 100 })
export const findCompanyDuplicates = (
  api: ApiClient,
  query: { businessId?: string; domain?: string; name?: string },
) => api.get<{ data: CompanyDuplicate[] }>('/companies/duplicates', query)
