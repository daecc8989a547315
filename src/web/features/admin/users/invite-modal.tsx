import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { userCreateSchema } from '../../../../shared/users.schema'
import { reportFormError } from '../../../lib/problems'
import { roleOptions, scopeOptions } from './role-options'
import { useInviteUser } from './users-admin.queries'

const formSchema = userCreateSchema.pick({ email: true, name: true, role: true, scope: true })
type FormInput = z.input<typeof formSchema>
type FormOutput = z.output<typeof formSchema>
const fields = ['email', 'name', 'role', 'scope'] as const

type Props = {
  opened: boolean
  onClose: () => void
  /** Called with the one-time invitation link to show. */
  onInvited: (link: string, email: string) => void
}

/** Invite a member by link: the server makes a one-time token, the link carries it. */
export function InviteModal({ opened, onClose, onInvited }: Props) {
  const { t } = useTranslation()
  const invite = useInviteUser()
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { email: '', name: '', role: 'sales', scope: 'all' },
  })
  const errors = form.formState.errors

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await invite.mutateAsync(values)
      if (result.invitation) {
        onInvited(`${window.location.origin}/invite/${result.invitation.token}`, values.email)
      }
      form.reset()
      onClose()
    } catch (error) {
      reportFormError(error, form.setError, fields, t('common.error'))
    }
  })

  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.users.inviteTitle')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <TextInput
            label={t('admin.users.email')}
            type="email"
            required
            data-autofocus
            {...form.register('email')}
            error={errors.email?.message}
          />
          <TextInput
            label={t('admin.users.name')}
            required
            {...form.register('name')}
            error={errors.name?.message}
          />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('admin.users.role')}
                data={roleOptions(t)}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                allowDeselect={false}
                error={errors.role?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="scope"
            render={({ field }) => (
              <Select
                label={t('admin.users.scope')}
                description={t('admin.users.scopeHint')}
                data={scopeOptions(t)}
                value={field.value ?? 'all'}
                onChange={(v) => v && field.onChange(v)}
                allowDeselect={false}
                error={errors.scope?.message}
              />
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('admin.users.sendInvite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
