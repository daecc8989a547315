import { contactName, listContacts } from '../../../shared/contacts.api'
import { api } from '../../lib/api'
import { RecordPicker, type PickerProps } from './record-picker'

async function findContacts(q: string) {
  const page = await listContacts(api, {
    q: q || undefined,
    limit: 20,
    fields: 'id,firstName,lastName,emails',
    sort: q ? undefined : 'lastName',
  })
  return page.data.flatMap((c) => (c.id ? [{ value: c.id, label: contactName(c) || c.id }] : []))
}

/** Pick a contact by typing part of the name or email. */
export function ContactPicker(props: PickerProps) {
  return <RecordPicker kind="contact" find={findContacts} {...props} />
}
