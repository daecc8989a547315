import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createPrivacyLink,
  createPrivacyRequest,
  createPurpose,
  createRetentionPolicy,
  deleteRetentionPolicy,
  eraseContact,
  getConsents,
  getRecordsOfProcessing,
  listPrivacyLinks,
  listPrivacyRequests,
  listPurposes,
  listRetentionPolicies,
  listRetentionRuns,
  previewRetentionPolicy,
  recordConsent,
  revokePrivacyLink,
  runRetentionPolicy,
  updatePrivacyRequest,
  updatePurpose,
  updateRetentionPolicy,
} from '../../../shared/privacy.api'
import type {
  ConsentCreate,
  PrivacyRequestCreate,
  PrivacyRequestUpdate,
  PurposeCreate,
  PurposeUpdate,
  RetentionPolicyCreate,
  RetentionPolicyUpdate,
} from '../../../shared/privacy.schema'
import { api } from '../../lib/api'

const keys = {
  purposes: ['purposes'] as const,
  consents: (id: string) => ['consents', id] as const,
  links: (id: string) => ['privacy-links', id] as const,
  requests: ['privacy-requests'] as const,
  retention: ['retention-policies'] as const,
  runs: ['retention-runs'] as const,
  records: ['records-of-processing'] as const,
}

export const usePurposes = () =>
  useQuery({ queryKey: keys.purposes, queryFn: () => listPurposes(api) })

export function useSavePurpose() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id?: string; input: PurposeCreate | PurposeUpdate }) =>
      v.id ? updatePurpose(api, v.id, v.input) : createPurpose(api, v.input as PurposeCreate),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.purposes }),
  })
}

export const useConsents = (contactId: string) =>
  useQuery({ queryKey: keys.consents(contactId), queryFn: () => getConsents(api, contactId) })

export function useRecordConsent(contactId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Pick<ConsentCreate, 'purposeKey' | 'status'> & Partial<ConsentCreate>) =>
      recordConsent(api, contactId, input),
    onSuccess: (data) => {
      qc.setQueryData(keys.consents(contactId), data)
      void qc.invalidateQueries({ queryKey: ['timeline', 'contact', contactId] })
    },
  })
}

export const usePrivacyLinks = (contactId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.links(contactId),
    queryFn: () => listPrivacyLinks(api, contactId),
    enabled,
  })

export function usePrivacyLinkMutations(contactId: string) {
  const qc = useQueryClient()
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.links(contactId) })
  return {
    create: useMutation({
      mutationFn: (send: boolean) => createPrivacyLink(api, contactId, { send }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (linkId: string) => revokePrivacyLink(api, contactId, linkId),
      onSuccess: refresh,
    }),
  }
}

/** Erases the person; the contact, its history and the request log are read again after. */
export function useEraseContact(contactId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (requestId: string | null) => eraseContact(api, contactId, requestId),
    onSuccess: () => {
      for (const queryKey of [
        ['contact', contactId],
        keys.consents(contactId),
        keys.links(contactId),
        ['timeline', 'contact', contactId],
        ['list', 'contact'],
        keys.requests,
      ])
        void qc.invalidateQueries({ queryKey })
    },
  })
}

export const usePrivacyRequests = (overdue?: boolean) =>
  useQuery({
    queryKey: [...keys.requests, overdue ?? null],
    queryFn: () =>
      listPrivacyRequests(
        api,
        overdue === undefined ? {} : { overdue: overdue ? 'true' : 'false' },
      ),
  })

export function useCreatePrivacyRequest() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Partial<PrivacyRequestCreate>) => createPrivacyRequest(api, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.requests }),
  })
}

export function useUpdatePrivacyRequest() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id: string; input: PrivacyRequestUpdate }) =>
      updatePrivacyRequest(api, v.id, v.input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.requests }),
  })
}

export const useRetentionPolicies = () =>
  useQuery({ queryKey: keys.retention, queryFn: () => listRetentionPolicies(api) })
export const useRetentionRuns = () =>
  useQuery({ queryKey: keys.runs, queryFn: () => listRetentionRuns(api) })

export function useRetentionMutations() {
  const qc = useQueryClient()
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: keys.retention })
    void qc.invalidateQueries({ queryKey: keys.runs })
  }
  return {
    create: useMutation({
      mutationFn: (input: Partial<RetentionPolicyCreate>) => createRetentionPolicy(api, input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (v: { id: string; input: RetentionPolicyUpdate }) =>
        updateRetentionPolicy(api, v.id, v.input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => deleteRetentionPolicy(api, id),
      onSuccess: refresh,
    }),
    preview: useMutation({ mutationFn: (id: string) => previewRetentionPolicy(api, id) }),
    run: useMutation({
      mutationFn: (id: string) => runRetentionPolicy(api, id),
      onSuccess: refresh,
    }),
  }
}

export const useRecordsOfProcessing = () =>
  useQuery({ queryKey: keys.records, queryFn: () => getRecordsOfProcessing(api) })
