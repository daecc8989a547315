import type { ListParams, RequestOptions } from '../../../shared/api-client'
import { listContacts } from '../../../shared/contacts.api'
import { prefetchFirstPage } from '../../components/record-list/list-preload'
import { api } from '../../lib/api'

export const fetchContactPage = (params: ListParams, options?: RequestOptions) =>
  listContacts(api, params, options)

/** At boot on /contacts (route-preload.ts): the first page of the view in the address. */
export function preload(search: string): void {
  void prefetchFirstPage('contact', search, fetchContactPage)
}
