import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { Controller, useForm, type Resolver } from 'react-hook-form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import { contactName, findContactDuplicates } from '../../../shared/contacts.api'
import { contactCreateSchema, type ContactCreate } from '../../../shared/contacts.schema'
import { CompanyPicker } from '../../components/ui/company-picker'
import { DuplicateWarning } from '../../components/ui/duplicate-warning'
import { api } from '../../lib/api'
import { emptyToUndefined } from '../../lib/form-values'
import { errorAt, reportFormError } from '../../lib/problems'
import { useDuplicates } from '../../lib/use-duplicates'
import { CustomFieldInputs, useCustomValues } from '../custom-fields/custom-field-inputs'
import { useCreateContact } from './contacts.queries'

type FormIn = z.input<typeof contactCreateSchema>
const fieldNames = [
  'firstName',
  'lastName',
  'title',
  'emails',
  'phones',
  'companies',
  'custom',
] as const

// The form has one email, one phone and one company; a left-empty one is simply not sent.
function withoutEmptyRows(v: FormIn): FormIn {
  return {
    ...v,
    emails: v.emails?.filter((e) => e.address),
    phones: v.phones?.filter((p) => p.number),
    companies: v.companies?.filter((c) => c.companyId),
  }
}
const schemaResolver = zodResolver(contactCreateSchema)
const resolver: Resolver<FormIn, unknown, ContactCreate> = (values, ctx, opts) =>
  schemaResolver(withoutEmptyRows(values), ctx, opts)

export function ContactCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateContact()
  const form = useForm<FormIn, unknown, ContactCreate>({
    resolver,
    defaultValues: { firstName: '', lastName: '' },
  })
  const [emails, phones] = form.watch(['emails', 'phones'])
  const duplicates = useDuplicates(
    'contact',
    { email: emails?.[0]?.address, phone: phones?.[0]?.number },
    (q) => findContactDuplicates(api, q),
  )
  const errors = form.formState.errors
  const [customTexts, setCustomTexts] = useState<Record<string, string>>({})
  const toCustom = useCustomValues('contact')

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const contact = await create.mutateAsync({ ...values, custom: toCustom(customTexts) })
      notifications.show({ message: t('contacts.created') })
      form.reset()
      setCustomTexts({})
      onClose()
      await navigate(`/contacts/${contact.id}`)
    } catch (error) {
      reportFormError(error, form.setError, fieldNames, t('common.error'))
    }
  })

  return (
    <Modal opened={opened} onClose={onClose} title={t('contacts.new')} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput
              label={t('fields.firstName')}
              data-autofocus
              {...form.register('firstName', emptyToUndefined)}
              error={errors.firstName?.message}
            />
            <TextInput
              label={t('fields.lastName')}
              {...form.register('lastName', emptyToUndefined)}
              error={errors.lastName?.message}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('fields.email')}
              type="email"
              {...form.register('emails.0.address')}
              error={errors.emails?.[0]?.address?.message ?? errors.emails?.message}
            />
            <TextInput
              label={t('fields.phone')}
              type="tel"
              {...form.register('phones.0.number')}
              error={errors.phones?.[0]?.number?.message ?? errors.phones?.message}
            />
          </Group>
          <DuplicateWarning
            title={t('contacts.duplicate')}
            matches={duplicates.map((d) => ({
              id: d.id,
              label: [contactName(d), d.emails[0]?.address, d.phones[0]?.number]
                .filter(Boolean)
                .join(' · '),
              path: `/contacts/${d.id}`,
            }))}
          />
          <TextInput
            label={t('fields.title')}
            {...form.register('title', emptyToUndefined)}
            error={errors.title?.message}
          />
          <Group grow align="flex-start">
            <Controller
              control={form.control}
              name="companies.0.companyId"
              render={({ field }) => (
                <CompanyPicker
                  label={t('fields.company')}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={errors.companies?.[0]?.companyId?.message}
                />
              )}
            />
            <TextInput
              label={t('fields.role')}
              {...form.register('companies.0.role', emptyToUndefined)}
              error={errors.companies?.[0]?.role?.message}
            />
          </Group>
          <CustomFieldInputs
            objectType="contact"
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
