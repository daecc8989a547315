import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { loginSchema, type LoginInput } from '../../../shared/auth.schema'
import { LanguageSwitch } from '../../components/layout/language-switch'
import { applyFieldErrors, errorMessage } from '../../lib/problems'
import { useSignIn } from './auth.queries'
import { useSetupStatus } from './setup.queries'

// Only same-site paths: `next` comes from the URL and must not send the user elsewhere.
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/'
}

export default function SignInPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const signIn = useSignIn()
  // A fresh installation has nobody to sign in as: the first visitor sets it up instead.
  const setup = useSetupStatus()
  const form = useForm<LoginInput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '' },
  })

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signIn.mutateAsync(values)
      await navigate(safeNext(params.get('next')), { replace: true })
    } catch (error) {
      applyFieldErrors(error, form.setError, ['email', 'password'])
    }
  })

  if (setup.data?.isNeeded) return <Navigate to="/setup" replace />
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="main">
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Title order={1} size="h3">
              {t('auth.title')}
            </Title>
            {signIn.error && (
              <Alert color="red" role="alert">
                {errorMessage(signIn.error, t('common.error'))}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              autoFocus
              {...form.register('email')}
              error={form.formState.errors.email?.message}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              {...form.register('password')}
              error={form.formState.errors.password?.message}
            />
            <Button type="submit" loading={signIn.isPending}>
              {t('auth.signIn')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
