import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { lifecycleStages } from '../../../shared/common.schema'
import type { Contact, ContactUpdate } from '../../../shared/contacts.schema'
import { InlineField } from '../../components/ui/inline-field'
import { CustomDetails } from '../custom-fields/custom-details'
import { useUsers } from '../users/users.queries'
import { useUpdateContact } from './contacts.queries'

// The first email and phone are edited here; the rest of each list is kept as it is.
function withFirstEmail(c: Contact, address: string | null): ContactUpdate['emails'] {
  const rest = c.emails.slice(1).map(({ address: a, label }) => ({ address: a, label }))
  return address ? [{ address, label: c.emails[0]?.label, primary: true }, ...rest] : rest
}
function withFirstPhone(c: Contact, number: string | null): ContactUpdate['phones'] {
  const rest = c.phones.slice(1)
  return number ? [{ number, label: c.phones[0]?.label }, ...rest] : rest
}

export function ContactDetails({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation()
  const update = useUpdateContact(c.id)
  const { users, byId } = useUsers()
  const save =
    (field: 'firstName' | 'lastName' | 'title' | 'lifecycleStage' | 'ownerId') =>
    (value: string | null) =>
      update.mutateAsync({ [field]: value } as ContactUpdate)

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <InlineField
        name="firstName"
        label={t('fields.firstName')}
        value={c.firstName}
        onSave={save('firstName')}
      />
      <InlineField
        name="lastName"
        label={t('fields.lastName')}
        value={c.lastName}
        onSave={save('lastName')}
      />
      <InlineField
        name="emails"
        label={t('fields.email')}
        value={c.emails[0]?.address}
        onSave={(v) => update.mutateAsync({ emails: withFirstEmail(c, v) })}
      />
      <InlineField
        name="phones"
        label={t('fields.phone')}
        value={c.phones[0]?.number}
        onSave={(v) => update.mutateAsync({ phones: withFirstPhone(c, v) })}
      />
      <InlineField name="title" label={t('fields.title')} value={c.title} onSave={save('title')} />
      <InlineField
        name="lifecycleStage"
        label={t('fields.lifecycleStage')}
        value={c.lifecycleStage}
        display={c.lifecycleStage ? t(`stages.${c.lifecycleStage}`) : undefined}
        options={lifecycleStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        onSave={save('lifecycleStage')}
      />
      <InlineField
        name="ownerId"
        label={t('fields.owner')}
        value={c.ownerId}
        display={c.ownerId ? byId.get(c.ownerId)?.name : undefined}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
        onSave={save('ownerId')}
      />
      <CustomDetails
        objectType="contact"
        values={c.custom}
        onSave={(custom) => update.mutateAsync({ custom })}
      />
    </SimpleGrid>
  )
}
