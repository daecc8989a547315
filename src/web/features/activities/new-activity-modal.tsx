import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { activityCreateSchema, activityTypes } from '../../../shared/activities.schema'
import type { User } from '../../../shared/users.schema'
import { CompanyPicker } from '../../components/ui/company-picker'
import { ContactPicker } from '../../components/ui/contact-picker'
import { reportFormError } from '../../lib/problems'
import { useCreateActivity } from './activities.queries'

// The form's own shape: a local date-time input instead of the API's ISO timestamps.
const formSchema = activityCreateSchema
  .pick({
    type: true,
    subject: true,
    body: true,
    assigneeId: true,
    companyId: true,
    contactId: true,
  })
  .extend({ when: z.string().optional() })
type FormValues = z.infer<typeof formSchema>
const fieldNames = ['type', 'subject', 'body', 'assigneeId', 'companyId', 'contactId'] as const

type Props = { users: User[]; myId: string | undefined; onClose: () => void }

/** "New activity" on the activities page: any type, its assignee and linked company or contact. */
export function NewActivityModal({ users, myId, onClose }: Props) {
  const { t } = useTranslation()
  const create = useCreateActivity()
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      type: 'task',
      subject: '',
      body: '',
      when: '',
      assigneeId: myId ?? null,
      companyId: null,
      contactId: null,
    },
  })
  const type = form.watch('type')

  const onSubmit = form.handleSubmit(async ({ when, body, ...values }) => {
    const at = when ? new Date(when).toISOString() : undefined
    try {
      await create.mutateAsync({
        ...values,
        body: body || undefined,
        ...(values.type === 'task' ? { dueAt: at } : { occurredAt: at }),
      })
      notifications.show({ message: t('activities.logged') })
      onClose()
    } catch (error) {
      reportFormError(error, form.setError, fieldNames, t('common.error'))
    }
  })

  const errors = form.formState.errors
  return (
    <Modal opened onClose={onClose} title={t('activityList.newTitle')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Controller
            control={form.control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('activityList.type')}
                data={activityTypes.map((v) => ({ value: v, label: t(`activities.types.${v}`) }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? 'task')}
                allowDeselect={false}
                error={errors.type?.message}
              />
            )}
          />
          <TextInput
            label={t('activities.subject')}
            required
            data-autofocus
            {...form.register('subject')}
            error={errors.subject?.message}
          />
          {type !== 'note' && (
            <TextInput
              type="datetime-local"
              label={type === 'task' ? t('activities.dueAt') : t('activities.occurredAt')}
              {...form.register('when')}
              error={errors.when?.message}
            />
          )}
          <Textarea
            label={t('activities.body')}
            autosize
            minRows={3}
            {...form.register('body')}
            error={errors.body?.message}
          />
          <Controller
            control={form.control}
            name="assigneeId"
            render={({ field }) => (
              <Select
                label={t('activityList.assignee')}
                data={users.map((u) => ({ value: u.id, label: u.name }))}
                value={field.value ?? null}
                onChange={field.onChange}
                searchable
                clearable
                error={errors.assigneeId?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="companyId"
            render={({ field }) => (
              <CompanyPicker
                label={t('activityList.company')}
                value={field.value ?? null}
                onChange={field.onChange}
                error={errors.companyId?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="contactId"
            render={({ field }) => (
              <ContactPicker
                label={t('activityList.contact')}
                value={field.value ?? null}
                onChange={field.onChange}
                error={errors.contactId?.message}
              />
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
