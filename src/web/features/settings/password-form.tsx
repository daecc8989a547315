import { zodResolver } from '@hookform/resolvers/zod'
import { Button, Paper, PasswordInput, Stack, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { z } from 'zod'
import { passwordSchema } from '../../../shared/auth.schema'
import { reportFormError } from '../../lib/problems'
import { useUpdateMe } from '../auth/auth.queries'

const formSchema = z.object({ currentPassword: z.string().min(1), newPassword: passwordSchema })
type FormValues = z.infer<typeof formSchema>

/** Change own password; the banner after a generated first-run password links here. */
export function PasswordForm() {
  const { t } = useTranslation()
  const update = useUpdateMe()
  const location = useLocation()
  const heading = useRef<HTMLHeadingElement>(null)
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  })
  const isTarget = location.hash === '#password'
  useEffect(() => {
    if (isTarget) heading.current?.scrollIntoView({ block: 'start' })
  }, [isTarget])

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values)
      form.reset()
      notifications.show({ message: t('password.changed') })
    } catch (error) {
      reportFormError(error, form.setError, ['currentPassword', 'newPassword'], t('common.error'))
    }
  })
  const errors = form.formState.errors
  return (
    <Paper withBorder p="md" component="section" id="password" aria-labelledby="password-title">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Title order={2} size="h4" id="password-title" ref={heading}>
            {t('password.title')}
          </Title>
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            autoFocus={isTarget}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            {...form.register('currentPassword')}
            error={errors.currentPassword?.message}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            {...form.register('newPassword')}
            error={errors.newPassword?.message}
          />
          <Button type="submit" loading={update.isPending} w="fit-content">
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
