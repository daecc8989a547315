import type { ApiClient, ListParams, RequestOptions } from './api-client'
import type { Page, TimelineEvent } from './common.schema'
import type { Contact, ContactCreate, ContactUpdate } from './contacts.schema'

export type ContactDuplicate = Contact

export const listContacts = (api: ApiClient, params: ListParams, options?: RequestOptions) =>
  api.get<Page<Partial<Contact>>>('/contacts', params, options)
export const getContact = (api: ApiClient, id: string) => api.get<Contact>(`/contacts/${id}`)
export const createContact = (api: ApiClient, input: ContactCreate) =>
  api.post<Contact>('/contacts', input)
export const updateContact = (api: ApiClient, id: string, input: ContactUpdate) =>
  api.patch<Contact>(`/contacts/${id}`, input)
export const deleteContact = (api: ApiClient, id: string) => api.delete(`/contacts/${id}`)
export const bulkDeleteContacts = (api: ApiClient, ids: string[]) =>
  api.post<{ count: number }>('/contacts/bulk-delete', { ids })
export const bulkUpdateContacts = (api: ApiClient, records: (ContactUpdate & { id: string })[]) =>
  api.patch<{ data: Contact[] }>('/contacts/bulk', { records })
export const restoreContact = (api: ApiClient, id: string) =>
  api.post<Contact>(`/contacts/${id}/restore`)
export const contactTimeline = (api: ApiClient, id: string, before?: string) =>
  api.get<{ data: TimelineEvent[] }>(`/contacts/${id}/timeline`, { before, limit: 50 })
export const findContactDuplicates = (api: ApiClient, query: { email?: string; phone?: string }) =>
  api.get<{ data: ContactDuplicate[] }>('/contacts/duplicates', query)
export const linkContactCompany = (
  api: ApiClient,
  id: string,
  companyId: string,
  body: { role?: string | null; isPrimary?: boolean },
) => api.put<Contact>(`/contacts/${id}/companies/${companyId}`, body)
export const unlinkContactCompany = (api: ApiClient, id: string, companyId: string) =>
  api.delete(`/contacts/${id}/companies/${companyId}`)

/** A contact's display name: the name if any, else the primary email. */
export function contactName(
  c: Partial<Pick<Contact, 'firstName' | 'lastName' | 'emails'>>,
): string {
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ')
  return name || c.emails?.[0]?.address || ''
}
