import { listCompanies } from '../../../shared/companies.api'
import { api } from '../../lib/api'
import { RecordPicker, type PickerProps } from './record-picker'

async function findCompanies(q: string) {
  const page = await listCompanies(api, {
    q: q || undefined,
    limit: 20,
    fields: 'id,name',
    sort: q ? undefined : 'name',
  })
  return page.data.flatMap((c) => (c.id ? [{ value: c.id, label: c.name ?? '' }] : []))
}

/** Pick a company by typing part of its name. */
export function CompanyPicker(props: PickerProps) {
  return <RecordPicker kind="company" find={findCompanies} {...props} />
}
