import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { contactName, listContacts } from '../../../shared/contacts.api'
import { api } from '../../lib/api'

type Props = {
  label: string
  value: string | null
  onChange: (id: string | null) => void
  error?: string
}

/** Pick a contact by typing part of the name or email; asks the server, like CompanyPicker. */
export function ContactPicker({ label, value, onChange, error }: Props) {
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 200)
  const result = useQuery({
    queryKey: ['contact-picker', q],
    queryFn: () =>
      listContacts(api, {
        q: q || undefined,
        limit: 20,
        fields: 'id,firstName,lastName,emails',
        sort: q ? undefined : 'lastName',
      }),
    staleTime: 30_000,
  })
  const data = (result.data?.data ?? []).flatMap((c) =>
    c.id ? [{ value: c.id, label: contactName(c) || c.id }] : [],
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
