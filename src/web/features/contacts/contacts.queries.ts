import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createContact,
  getContact,
  linkContactCompany,
  unlinkContactCompany,
  updateContact,
} from '../../../shared/contacts.api'
import type { Contact, ContactCreate, ContactUpdate } from '../../../shared/contacts.schema'
import { api } from '../../lib/api'

export const contactKey = (id: string) => ['contact', id] as const

export function useContact(id: string) {
  return useQuery({ queryKey: contactKey(id), queryFn: () => getContact(api, id) })
}

function useOnContactChanged(id: string) {
  const qc = useQueryClient()
  return (contact: Contact) => {
    qc.setQueryData(contactKey(id), contact)
    void qc.invalidateQueries({ queryKey: ['timeline', 'contact', id] })
    void qc.invalidateQueries({ queryKey: ['list', 'contact'] })
  }
}

export function useUpdateContact(id: string) {
  const onSuccess = useOnContactChanged(id)
  return useMutation({
    mutationFn: (input: ContactUpdate) => updateContact(api, id, input),
    onSuccess,
  })
}

export function useLinkCompany(id: string) {
  const onSuccess = useOnContactChanged(id)
  return useMutation({
    mutationFn: (v: { companyId: string; role?: string | null }) =>
      linkContactCompany(api, id, v.companyId, { role: v.role }),
    onSuccess,
  })
}

export function useUnlinkCompany(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (companyId: string) => unlinkContactCompany(api, id, companyId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: contactKey(id) }),
  })
}

export function useCreateContact() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ContactCreate) => createContact(api, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['list', 'contact'] }),
  })
}
