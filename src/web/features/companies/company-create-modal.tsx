import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { Controller, useForm } from 'react-hook-form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import { findCompanyDuplicates } from '../../../shared/companies.api'
import { companyCreateSchema } from '../../../shared/companies.schema'
import { lifecycleStages } from '../../../shared/common.schema'
import { DuplicateWarning } from '../../components/ui/duplicate-warning'
import { api } from '../../lib/api'
import { emptyToUndefined } from '../../lib/form-values'
import { errorAt, reportFormError } from '../../lib/problems'
import { useDuplicates } from '../../lib/use-duplicates'
import { CustomFieldInputs, useCustomValues } from '../custom-fields/custom-field-inputs'
import { useCreateCompany } from './companies.queries'

type FormIn = z.input<typeof companyCreateSchema>
type FormOut = z.output<typeof companyCreateSchema>
const fieldNames = ['name', 'businessId', 'domain', 'industry', 'lifecycleStage', 'custom'] as const

export function CompanyCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateCompany()
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(companyCreateSchema),
    defaultValues: { name: '' },
  })
  const [name, businessId, domain] = form.watch(['name', 'businessId', 'domain'])
  const duplicates = useDuplicates(
    'company',
    { name, businessId: businessId ?? undefined, domain: domain ?? undefined },
    (q) => findCompanyDuplicates(api, q),
  )
  const errors = form.formState.errors
  const [customTexts, setCustomTexts] = useState<Record<string, string>>({})
  const toCustom = useCustomValues('company')

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const company = await create.mutateAsync({ ...values, custom: toCustom(customTexts) })
      notifications.show({ message: t('companies.created') })
      form.reset()
      setCustomTexts({})
      onClose()
      await navigate(`/companies/${company.id}`)
    } catch (error) {
      reportFormError(error, form.setError, fieldNames, t('common.error'))
    }
  })

  return (
    <Modal opened={opened} onClose={onClose} title={t('companies.new')} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <TextInput
            label={t('fields.name')}
            required
            data-autofocus
            {...form.register('name')}
            error={errors.name?.message}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('fields.businessId')}
              placeholder="1234567-8"
              {...form.register('businessId', emptyToUndefined)}
              error={errors.businessId?.message}
            />
            <TextInput
              label={t('fields.domain')}
              placeholder="yritys.fi"
              {...form.register('domain', emptyToUndefined)}
              error={errors.domain?.message}
            />
          </Group>
          <DuplicateWarning
            title={t('companies.duplicate')}
            matches={duplicates.map((d) => ({
              id: d.id,
              label: [d.name, d.businessId, d.domain].filter(Boolean).join(' · '),
              path: `/companies/${d.id}`,
            }))}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('fields.industry')}
              {...form.register('industry', emptyToUndefined)}
              error={errors.industry?.message}
            />
            <Controller
              control={form.control}
              name="lifecycleStage"
              render={({ field }) => (
                <Select
                  label={t('fields.lifecycleStage')}
                  data={lifecycleStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v ?? undefined)}
                  clearable
                  error={errors.lifecycleStage?.message}
                />
              )}
            />
          </Group>
          <CustomFieldInputs
            objectType="company"
            texts={customTexts}
            onChange={setCustomTexts}
            errorOf={(key) => errorAt(errors, `custom.${key}`)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
