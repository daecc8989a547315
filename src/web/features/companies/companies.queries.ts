import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createCompany,
  getCompany,
  listCompanies,
  listCompanyContacts,
  updateCompany,
} from '../../../shared/companies.api'
import type { CompanyCreate, CompanyUpdate } from '../../../shared/companies.schema'
import { api } from '../../lib/api'

export const companyKey = (id: string) => ['company', id] as const

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKey(id), queryFn: () => getCompany(api, id) })
}

export function useCompanyContacts(id: string) {
  return useQuery({
    queryKey: [...companyKey(id), 'contacts'],
    queryFn: () => listCompanyContacts(api, id),
  })
}

export function useSubsidiaries(id: string) {
  return useQuery({
    queryKey: [...companyKey(id), 'subsidiaries'],
    queryFn: () =>
      listCompanies(api, { filter: { parentId: { eq: id } }, limit: 50, sort: 'name' }),
  })
}

export function useUpdateCompany(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: CompanyUpdate) => updateCompany(api, id, input),
    onSuccess: (company) => {
      qc.setQueryData(companyKey(id), company)
      void qc.invalidateQueries({ queryKey: ['timeline', 'company', id] })
      void qc.invalidateQueries({ queryKey: ['list', 'company'] })
    },
  })
}

export function useCreateCompany() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: CompanyCreate) => createCompany(api, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['list', 'company'] }),
  })
}
