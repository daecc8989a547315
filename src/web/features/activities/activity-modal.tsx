import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { activityCreateSchema, type ActivityType } from '../../../shared/activities.schema'
import { reportFormError } from '../../lib/problems'
import { useCreateActivity } from './activities.queries'

// The form's own shape: a local date-time input instead of the API's ISO timestamps.
const formSchema = activityCreateSchema
  .pick({ subject: true, body: true })
  .extend({ when: z.string().optional() })
type FormValues = z.infer<typeof formSchema>

function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

type Props = {
  type: ActivityType | null
  target: { companyId?: string; contactId?: string }
  onClose: () => void
}

/** Log a call, meeting or note, or create a task, on a company or contact. */
export function ActivityModal({ type, target, onClose }: Props) {
  const { t } = useTranslation()
  const create = useCreateActivity()
  const isTask = type === 'task'
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { subject: '', body: '', when: toLocalInput(new Date()) },
  })

  const onSubmit = form.handleSubmit(async ({ subject, body, when }) => {
    if (!type) return
    const at = when ? new Date(when).toISOString() : undefined
    try {
      await create.mutateAsync({
        type,
        subject,
        body: body || undefined,
        ...(isTask ? { dueAt: at } : { occurredAt: at }),
        ...target,
      })
      notifications.show({ message: t('activities.logged') })
      form.reset()
      onClose()
    } catch (error) {
      reportFormError(error, form.setError, ['subject', 'body'], t('common.error'))
    }
  })

  const titles: Record<ActivityType, string> = {
    call: t('activities.logCall'),
    meeting: t('activities.logMeeting'),
    note: t('activities.addNote'),
    task: t('activities.createTask'),
    email: t('activities.types.email'),
  }
  const errors = form.formState.errors
  return (
    <Modal opened={type !== null} onClose={onClose} title={type ? titles[type] : ''}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
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
              label={
                isTask
                  ? t('activities.dueAt')
                  : type === 'meeting'
                    ? t('activities.startsAt')
                    : t('activities.occurredAt')
              }
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
