import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { companySizes, type Company, type CompanyUpdate } from '../../../shared/companies.schema'
import { lifecycleStages, tiers } from '../../../shared/common.schema'
import { InlineField } from '../../components/ui/inline-field'
import { CustomDetails } from '../custom-fields/custom-details'
import { useUsers } from '../users/users.queries'
import { useUpdateCompany } from './companies.queries'

const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))

/** The key fields of a company, each editable in place. */
export function CompanyDetails({ company: c }: { company: Company }) {
  const { t } = useTranslation()
  const update = useUpdateCompany(c.id)
  const { users, byId } = useUsers()
  const save = (field: keyof CompanyUpdate) => (value: string | null) =>
    update.mutateAsync({ [field]: value } as CompanyUpdate)
  const stages = lifecycleStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <InlineField name="name" label={t('fields.name')} value={c.name} onSave={save('name')} />
      <InlineField
        name="businessId"
        label={t('fields.businessId')}
        value={c.businessId}
        onSave={save('businessId')}
      />
      <InlineField
        name="domain"
        label={t('fields.domain')}
        value={c.domain}
        onSave={save('domain')}
      />
      <InlineField
        name="industry"
        label={t('fields.industry')}
        value={c.industry}
        onSave={save('industry')}
      />
      <InlineField
        name="lifecycleStage"
        label={t('fields.lifecycleStage')}
        value={c.lifecycleStage}
        display={c.lifecycleStage ? t(`stages.${c.lifecycleStage}`) : undefined}
        options={stages}
        onSave={save('lifecycleStage')}
      />
      <InlineField
        name="tier"
        label={t('fields.tier')}
        value={c.tier}
        options={plain(tiers)}
        onSave={save('tier')}
      />
      <InlineField
        name="size"
        label={t('fields.size')}
        value={c.size}
        options={plain(companySizes)}
        onSave={save('size')}
      />
      <InlineField
        name="ownerId"
        label={t('fields.owner')}
        value={c.ownerId}
        display={c.ownerId ? byId.get(c.ownerId)?.name : undefined}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
        onSave={save('ownerId')}
      />
      <InlineField name="vatId" label={t('fields.vatId')} value={c.vatId} onSave={save('vatId')} />
      <CustomDetails
        objectType="company"
        values={c.custom}
        onSave={(custom) => update.mutateAsync({ custom })}
      />
    </SimpleGrid>
  )
}
