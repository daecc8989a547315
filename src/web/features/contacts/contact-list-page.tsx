import { Button, Group, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconUsers, IconPlus } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  bulkUpdateContacts,
  bulkDeleteContacts,
  restoreContact,
} from '../../../shared/contacts.api'
import { lifecycleStages } from '../../../shared/common.schema'
import { customColumns } from '../../components/record-list/custom-columns'
import type { ListConfig } from '../../components/record-list/list-types'
import { RecordList } from '../../components/record-list/record-list'
import { api } from '../../lib/api'
import { useCustomFields } from '../custom-fields/custom-fields.queries'
import { useUsers } from '../users/users.queries'
import { fetchContactPage } from './contact-list-preload'
import { contactColumns, type ContactRow } from './contact-columns'
import { contactLabel } from './contact-label'
import { ContactCreateModal } from './contact-create-modal'

export default function ContactListPage() {
  const { t, i18n } = useTranslation()
  const [isCreating, create] = useDisclosure()
  const { byId } = useUsers()
  const customFields = useCustomFields('contact')

  const config = useMemo<ListConfig<ContactRow>>(
    () => ({
      objectType: 'contact',
      fetchPage: fetchContactPage,
      columns: [
        ...contactColumns(t, byId),
        ...customColumns<ContactRow>(customFields, i18n.language, [
          t('common.yes'),
          t('common.no'),
        ]),
      ],
      rowLabel: (r) => contactLabel(r),
      rowPath: (r) => `/contacts/${r.id}`,
      bulkDelete: (ids) => bulkDeleteContacts(api, ids),
      bulkAssign: (ids, ownerId) =>
        bulkUpdateContacts(
          api,
          ids.map((id) => ({ id, ownerId })),
        ),
      restore: (id) => restoreContact(api, id),
      bulkUpdate: (records) => bulkUpdateContacts(api, records),
      bulkFields: [
        {
          id: 'lifecycleStage',
          label: t('fields.lifecycleStage'),
          options: lifecycleStages.map((v) => ({ value: v, label: t(`stages.${v}`) })),
        },
        {
          id: 'language',
          label: t('bulk.language'),
          options: (['fi', 'sv', 'en'] as const).map((v) => ({
            value: v,
            label: t(`bulk.langs.${v}`),
          })),
        },
        { id: 'title', label: t('fields.title'), maxLength: 200 },
      ],
    }),
    [t, i18n.language, byId, customFields],
  )

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
      {t('contacts.new')}
    </Button>
  )
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={1} size="h2">
          {t('contacts.title')}
        </Title>
        {newButton}
      </Group>
      <RecordList
        config={config}
        empty={{
          icon: <IconUsers />,
          title: t('contacts.emptyTitle'),
          hint: t('contacts.emptyHint'),
          action: newButton,
        }}
      />
      <ContactCreateModal opened={isCreating} onClose={create.close} />
    </>
  )
}
