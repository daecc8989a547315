import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createUser,
  listInvitations,
  listUsers,
  resetUserPassword,
  revokeInvitation,
  updateUser,
} from '../../../../shared/users.api'
import type { UserCreate, UserUpdate } from '../../../../shared/users.schema'
import { api } from '../../../lib/api'

export function useUserList() {
  return useQuery({ queryKey: ['users'], queryFn: () => listUsers(api) })
}

export function useInvitations() {
  return useQuery({ queryKey: ['invitations'], queryFn: () => listInvitations(api) })
}

export function useInviteUser() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: UserCreate) => createUser(api, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] })
      void qc.invalidateQueries({ queryKey: ['invitations'] })
    },
  })
}

export function useUpdateUser() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdate }) => updateUser(api, id, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  })
}

export function useResetPassword() {
  return useMutation({ mutationFn: (id: string) => resetUserPassword(api, id) })
}

export function useRevokeInvitation() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => revokeInvitation(api, id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['invitations'] }),
  })
}
