import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { listCompanies } from '../../../shared/companies.api'
import { api } from '../../lib/api'

type Props = {
  label: string
  value: string | null
  onChange: (id: string | null) => void
  error?: string
}

/** Pick a company by typing part of its name; asks the server, so it works with any list size. */
export function CompanyPicker({ label, value, onChange, error }: Props) {
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 200)
  const result = useQuery({
    queryKey: ['company-picker', q],
    queryFn: () =>
      listCompanies(api, {
        q: q || undefined,
        limit: 20,
        fields: 'id,name',
        sort: q ? undefined : 'name',
      }),
    staleTime: 30_000,
  })
  const data = (result.data?.data ?? []).flatMap((c) =>
    c.id ? [{ value: c.id, label: c.name ?? '' }] : [],
  )
  return (
    <Select
      label={label}
      searchable
      clearable
      data={data}
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
