import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

export type PickerProps = {
  label: string
  value: string | null
  onChange: (id: string | null) => void
  error?: string
}

type Option = { value: string; label: string }

/**
 * Pick a record by typing part of its name: asks the server (`find`, with '' for the first
 * page in name order), so it works with any list size.
 */
export function RecordPicker({
  kind,
  find,
  label,
  value,
  onChange,
  error,
}: PickerProps & { kind: string; find: (q: string) => Promise<Option[]> }) {
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 200)
  const result = useQuery({
    queryKey: [`${kind}-picker`, q],
    queryFn: () => find(q),
    staleTime: 30_000,
  })
  return (
    <Select
      label={label}
      searchable
      clearable
      data={result.data ?? []}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      error={error}
      nothingFoundMessage="—"
    />
  )
}
