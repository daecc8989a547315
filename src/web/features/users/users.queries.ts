import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { listUsers } from '../../../shared/users.api'
import { api } from '../../lib/api'

/** Members of the workspace by id, for owner names and owner pickers. */
export function useUsers() {
  const query = useQuery({
    queryKey: ['users'],
    queryFn: () => listUsers(api),
    staleTime: 5 * 60_000,
  })
  const users = useMemo(() => query.data?.data ?? [], [query.data])
  const byId = useMemo(() => new Map(users.map((u) => [u.id, u])), [users])
  return { users, byId }
}
