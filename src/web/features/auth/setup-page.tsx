import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate } from 'react-router'
import { setupSchema, type SetupInput } from '../../../shared/setup.schema'
import { LanguageSwitch } from '../../components/layout/language-switch'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { currentLanguage, setLanguage } from '../../i18n/i18n'
import { applyFieldErrors, errorMessage } from '../../lib/problems'
import { useRunSetup, useSetupStatus } from './setup.queries'

const fieldNames = ['workspaceName', 'name', 'email', 'password', 'language'] as const

/** First-run set-up: shown only while the server has no workspace; otherwise goes to sign-in. */
export default function SetupPage() {
  const { t } = useTranslation()
  const status = useSetupStatus()
  const navigate = useNavigate()
  const setup = useRunSetup()
  const form = useForm<SetupInput>({
    resolver: zodResolver(setupSchema),
    defaultValues: {
      workspaceName: '',
      name: '',
      email: '',
      password: '',
      language: currentLanguage(),
    },
  })

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await setup.mutateAsync(values)
      await setLanguage(values.language)
      notifications.show({ message: t('setup.done') })
      await navigate('/', { replace: true })
    } catch (error) {
      applyFieldErrors(error, form.setError, fieldNames)
    }
  })

  if (status.isPending) return <PageSkeleton />
  if (status.data && !status.data.isNeeded && !setup.isSuccess)
    return <Navigate to="/sign-in" replace />
  const errors = form.formState.errors
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440} component="main">
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Title order={1} size="h3">
              {t('setup.title')}
            </Title>
            <Text size="sm">{t('setup.intro')}</Text>
            {setup.error && (
              <Alert color="red" role="alert">
                {errorMessage(setup.error, t('common.error'))}
              </Alert>
            )}
            <TextInput
              label={t('setup.workspaceName')}
              required
              autoFocus
              autoComplete="organization"
              {...form.register('workspaceName')}
              error={errors.workspaceName?.message}
            />
            <TextInput
              label={t('setup.name')}
              required
              autoComplete="name"
              {...form.register('name')}
              error={errors.name?.message}
            />
            <TextInput
              label={t('setup.email')}
              type="email"
              required
              autoComplete="username"
              {...form.register('email')}
              error={errors.email?.message}
            />
            <PasswordInput
              label={t('setup.password')}
              description={t('setup.passwordHint')}
              required
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              {...form.register('password')}
              error={errors.password?.message}
            />
            <Controller
              control={form.control}
              name="language"
              render={({ field }) => (
                <Select
                  label={t('setup.language')}
                  data={[
                    { value: 'fi', label: t('languages.fi') },
                    { value: 'en', label: t('languages.en') },
                  ]}
                  value={field.value}
                  onChange={(v) => field.onChange(v === 'en' ? 'en' : 'fi')}
                  allowDeselect={false}
                  error={errors.language?.message}
                />
              )}
            />
            <Button type="submit" loading={setup.isPending}>
              {t('setup.submit')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
