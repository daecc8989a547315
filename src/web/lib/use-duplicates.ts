import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'

/**
 * Asks the server for existing records matching what the user is typing. Only asks once the
 * input has settled and at least one value is long enough to mean something.
 */
export function useDuplicates<T>(
  key: string,
  values: Record<string, string | undefined>,
  find: (query: Record<string, string>) => Promise<{ data: T[] }>,
): T[] {
  const [settled] = useDebouncedValue(values, 400)
  const query = Object.fromEntries(
    Object.entries(settled).filter((e): e is [string, string] => (e[1]?.trim().length ?? 0) >= 3),
  )
  const result = useQuery({
    queryKey: ['duplicates', key, query],
    queryFn: () => find(query),
    enabled: Object.keys(query).length > 0,
    staleTime: 30_000,
    // A missing or failing duplicate check must never block creating the record.
    retry: false,
  })
  return Object.keys(query).length > 0 ? (result.data?.data ?? []) : []
}
