import type { ApiClient } from './api-client'
import type {
  CustomField,
  CustomFieldCreate,
  CustomFieldObject,
  CustomFieldOrder,
  CustomFieldUpdate,
} from './custom-fields.schema'

export const listCustomFields = (api: ApiClient, objectType: CustomFieldObject) =>
  api.get<{ data: CustomField[] }>('/custom-fields', { objectType })
export const createCustomField = (api: ApiClient, input: CustomFieldCreate) =>
  api.post<CustomField>('/custom-fields', input)
export const updateCustomField = (api: ApiClient, id: string, input: CustomFieldUpdate) =>
  api.patch<CustomField>(`/custom-fields/${id}`, input)
export const deleteCustomField = (api: ApiClient, id: string) => api.delete(`/custom-fields/${id}`)
export const reorderCustomFields = (api: ApiClient, input: CustomFieldOrder) =>
  api.put<{ data: CustomField[] }>('/custom-fields/order', input)
