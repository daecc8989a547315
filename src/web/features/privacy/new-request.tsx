import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { requestTypes, type PrivacyRequest } from '../../../shared/privacy.schema'
import { ContactPicker } from '../../components/ui/contact-picker'
import { formatDate } from '../../lib/format'
import { fieldErrors } from './field-errors'
import { useCreatePrivacyRequest } from './privacy.queries'

const r = 'privacy.requests'
const today = () => new Date().toLocaleDateString('sv-SE') // yyyy-mm-dd in local time

/** Logs a request a person made by email, phone or post; the 30-day clock starts when received. */
export function NewRequest() {
  const { t } = useTranslation()
  const create = useCreatePrivacyRequest()
  const [type, setType] = useState<PrivacyRequest['type']>('access')
  const [contactId, setContactId] = useState<string | null>(null)
  const [received, setReceived] = useState(today)
  const [notes, setNotes] = useState('')
  // Field messages from the server, by field name, shown on the field they concern.
  const [errors, setErrors] = useState<Record<string, string>>({})

  const submit = () => {
    setErrors({})
    // A request received today is stamped now; an earlier one at noon of that day.
    const receivedAt =
      received && received !== today() ? new Date(`${received}T12:00:00`).toISOString() : undefined
    create.mutate(
      { type, contactId, notes, receivedAt },
      {
        onSuccess: (made) => {
          setContactId(null)
          setNotes('')
          setReceived(today())
          notifications.show({ message: t(`${r}.logged`, { date: formatDate(made.dueAt) }) })
        },
        onError: (e) =>
          setErrors(
            fieldErrors(e, ['type', 'contactId', 'receivedAt', 'notes'], t('common.error')),
          ),
      },
    )
  }
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Group align="flex-start" wrap="wrap">
        <Select
          label={t(`${r}.type`)}
          data={requestTypes.map((x) => ({ value: x, label: t(`${r}.types.${x}`) }))}
          value={type}
          allowDeselect={false}
          onChange={(v) => v && setType(v as PrivacyRequest['type'])}
          error={errors.type}
          w={170}
        />
        <div style={{ width: 240 }}>
          <ContactPicker
            label={t(`${r}.contactOptional`)}
            value={contactId}
            onChange={setContactId}
            error={errors.contactId}
          />
        </div>
        <TextInput
          type="date"
          label={t(`${r}.receivedDate`)}
          value={received}
          max={today()}
          onChange={(e) => setReceived(e.currentTarget.value)}
          error={errors.receivedAt}
          w={160}
        />
        <TextInput
          label={t(`${r}.notes`)}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
          style={{ flex: 1, minWidth: 180 }}
        />
        <Button type="submit" loading={create.isPending} mt={25}>
          {t(`${r}.new`)}
        </Button>
      </Group>
      {errors._ && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {errors._}
        </Text>
      )}
    </Paper>
  )
}
