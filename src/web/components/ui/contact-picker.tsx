import { listContacts } from '../../../shared/contacts.api'
import { contactLabel } from '../../features/contacts/contact-label'
import { api } from '../../lib/api'
import { RecordPicker, type PickerProps } from './record-picker'

async function findContacts(q: string) {
  const page = await listContacts(api, {
    q: q || undefined,
    limit: 20,
    fields: 'id,firstName,lastName,emails,erasedAt',
    sort: q ? undefined : 'lastName',
  })
  return page.data.flatMap((c) => (c.id ? [{ value: c.id, label: contactLabel(c) || c.id }] : []))
}

/** Pick a contact by typing part of the name or email. */
export function ContactPicker(props: PickerProps) {
  return <RecordPicker kind="contact" find={findContacts} {...props} />
}
