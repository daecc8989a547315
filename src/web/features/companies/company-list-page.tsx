import { Button, Group, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBuilding, IconPlus } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  bulkUpdateCompanies,
  bulkDeleteCompanies,
  restoreCompany,
} from '../../../shared/companies.api'
import { lifecycleStages, tiers } from '../../../shared/common.schema'
import { customColumns } from '../../components/record-list/custom-columns'
import type { ListConfig } from '../../components/record-list/list-types'
import { RecordList } from '../../components/record-list/record-list'
import { api } from '../../lib/api'
import { useCustomFields } from '../custom-fields/custom-fields.queries'
import { useUsers } from '../users/users.queries'
import { fetchCompanyPage } from './company-list-preload'
import { companyColumns, type CompanyRow } from './company-columns'
import { CompanyCreateModal } from './company-create-modal'

export default function CompanyListPage() {
  const { t, i18n } = useTranslation()
  const [isCreating, create] = useDisclosure()
  const { byId } = useUsers()
  const customFields = useCustomFields('company')

  const config = useMemo<ListConfig<CompanyRow>>(
    () => ({
      objectType: 'company',
      fetchPage: fetchCompanyPage,
      columns: [
        ...companyColumns(t, byId),
        ...customColumns<CompanyRow>(customFields, i18n.language, [
          t('common.yes'),
          t('common.no'),
        ]),
      ],
      rowLabel: (r) => r.name ?? '',
      rowPath: (r) => `/companies/${r.id}`,
      bulkDelete: (ids) => bulkDeleteCompanies(api, ids),
      bulkAssign: (ids, ownerId) =>
        bulkUpdateCompanies(
          api,
          ids.map((id) => ({ id, ownerId })),
        ),
      restore: (id) => restoreCompany(api, id),
      bulkUpdate: (records) => bulkUpdateCompanies(api, records),
      bulkFields: [
        {
          id: 'lifecycleStage',
          label: t('fields.lifecycleStage'),
          options: lifecycleStages.map((v) => ({ value: v, label: t(`stages.${v}`) })),
        },
        {
          id: 'tier',
          label: t('fields.tier'),
          options: tiers.map((v) => ({ value: v, label: v })),
        },
      ],
    }),
    [t, i18n.language, byId, customFields],
  )

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
      {t('companies.new')}
    </Button>
  )
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={1} size="h2">
          {t('companies.title')}
        </Title>
        {newButton}
      </Group>
      <RecordList
        config={config}
        empty={{
          icon: <IconBuilding />,
          title: t('companies.emptyTitle'),
          hint: t('companies.emptyHint'),
          action: newButton,
        }}
      />
      <CompanyCreateModal opened={isCreating} onClose={create.close} />
    </>
  )
}
