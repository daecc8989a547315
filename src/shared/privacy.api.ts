import type { ApiClient } from './api-client'
import type {
  ConsentCreate,
  ContactConsents,
  PrivacyLinkListItem,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestUpdate,
  Purpose,
  PurposeCreate,
  PurposeUpdate,
  RecordsOfProcessing,
  RetentionPolicy,
  RetentionPolicyCreate,
  RetentionPolicyUpdate,
  RetentionPreview,
  RetentionRun,
} from './privacy.schema'

// Calls of the privacy API (GDPR-1..5), shared by the web app and the CLI.

export const listPurposes = (api: ApiClient) => api.get<{ data: Purpose[] }>('/purposes')
export const createPurpose = (api: ApiClient, input: PurposeCreate) =>
  api.post<Purpose>('/purposes', input)
export const updatePurpose = (api: ApiClient, id: string, input: PurposeUpdate) =>
  api.patch<Purpose>(`/purposes/${id}`, input)
export const deletePurpose = (api: ApiClient, id: string) => api.delete(`/purposes/${id}`)

export const getConsents = (api: ApiClient, contactId: string) =>
  api.get<ContactConsents>(`/contacts/${contactId}/consents`)
export const recordConsent = (
  api: ApiClient,
  contactId: string,
  input: Partial<ConsentCreate> & Pick<ConsentCreate, 'purposeKey' | 'status'>,
) => api.post<ContactConsents>(`/contacts/${contactId}/consents`, input)
export const createPrivacyLink = (
  api: ApiClient,
  contactId: string,
  input: { expiresInDays?: number; send?: boolean },
) =>
  api.post<{ id: string; url: string; expiresAt: string; sentTo: string | null }>(
    `/contacts/${contactId}/privacy-links`,
    input,
  )
export const listPrivacyLinks = (api: ApiClient, contactId: string) =>
  api.get<{ data: PrivacyLinkListItem[] }>(`/contacts/${contactId}/privacy-links`)
export const revokePrivacyLink = (api: ApiClient, contactId: string, linkId: string) =>
  api.delete(`/contacts/${contactId}/privacy-links/${linkId}`)
export const personalDataUrl = (api: ApiClient, contactId: string) =>
  api.url(`/contacts/${contactId}/personal-data`, { format: 'zip' })
export const eraseContact = (api: ApiClient, contactId: string, requestId?: string | null) =>
  api.post<{ contactId: string; erasedAt: string }>(`/contacts/${contactId}/erase`, {
    requestId: requestId ?? null,
  })

export const listPrivacyRequests = (
  api: ApiClient,
  query: { status?: string; overdue?: 'true' | 'false'; contactId?: string } = {},
) => api.get<{ data: PrivacyRequest[] }>('/privacy-requests', query)
export const createPrivacyRequest = (api: ApiClient, input: Partial<PrivacyRequestCreate>) =>
  api.post<PrivacyRequest>('/privacy-requests', input)
export const updatePrivacyRequest = (api: ApiClient, id: string, input: PrivacyRequestUpdate) =>
  api.patch<PrivacyRequest>(`/privacy-requests/${id}`, input)

export const listRetentionPolicies = (api: ApiClient) =>
  api.get<{ data: RetentionPolicy[] }>('/retention-policies')
export const createRetentionPolicy = (api: ApiClient, input: Partial<RetentionPolicyCreate>) =>
  api.post<RetentionPolicy>('/retention-policies', input)
export const updateRetentionPolicy = (api: ApiClient, id: string, input: RetentionPolicyUpdate) =>
  api.patch<RetentionPolicy>(`/retention-policies/${id}`, input)
export const deleteRetentionPolicy = (api: ApiClient, id: string) =>
  api.delete(`/retention-policies/${id}`)
export const previewRetentionPolicy = (api: ApiClient, id: string) =>
  api.get<RetentionPreview>(`/retention-policies/${id}/preview`)
export const runRetentionPolicy = (api: ApiClient, id: string) =>
  api.post<RetentionRun>(`/retention-policies/${id}/run`)
export const listRetentionRuns = (api: ApiClient) =>
  api.get<{ data: RetentionRun[] }>('/retention-policies/runs')

export const getRecordsOfProcessing = (api: ApiClient) =>
  api.get<RecordsOfProcessing>('/privacy/records-of-processing')
export const recordsOfProcessingCsvUrl = (api: ApiClient, lang: 'fi' | 'en') =>
  api.url('/privacy/records-of-processing.csv', { lang })
