import type { Db } from '../../db/client'
import type { EmailEntry, PhoneEntry } from '../../db/schema'
import type { ContactValues } from '../contacts/contacts.repo'

type Details = {
  firstName: string | null
  lastName: string | null
  emails: EmailEntry[]
  phones: PhoneEntry[]
}

/** Writes a person's own corrections; search_text is rebuilt by the contacts module's rule. */
export async function updateContactDetails(
  db: Db,
  workspaceId: string,
  contactId: string,
  d: Details,
  search: (v: ContactValues) => string,
): Promise<void> {
  const current = await db
    .selectFrom('contacts')
    .select(['title'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .executeTakeFirstOrThrow()
  const text = search({
    firstName: d.firstName,
    lastName: d.lastName,
    emails: d.emails.map((e) => ({
      address: e.address,
      label: e.label ?? null,
      primary: e.primary ?? false,
    })),
    phones: d.phones.map((p) => ({ number: p.number, label: p.label ?? null })),
    title: current.title,
  } as ContactValues)
  await db
    .updateTable('contacts')
    .set({
      first_name: d.firstName,
      last_name: d.lastName,
      emails: JSON.stringify(d.emails),
      phones: JSON.stringify(d.phones),
      search_text: text,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .execute()
}
