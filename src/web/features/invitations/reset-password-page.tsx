import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { resetPasswordWithToken } from '../../../shared/users.api'
import { LanguageSwitch } from '../../components/layout/language-switch'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/problems'

/** Where a password reset link leads: a new password, then sign in with it. */
export default function ResetPasswordPage() {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const [password, setPassword] = useState('')
  const reset = useMutation({ mutationFn: () => resetPasswordWithToken(api, { token, password }) })

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} component="main">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            reset.mutate()
          }}
          noValidate
        >
          <Stack>
            <Title order={1} size="h3">
              {t('resetPassword.title')}
            </Title>
            {reset.isSuccess ? (
              <Alert color="teal" role="status">
                {t('resetPassword.done')}{' '}
                <Anchor component={Link} to="/sign-in">
                  {t('resetPassword.toSignIn')}
                </Anchor>
              </Alert>
            ) : (
              <>
                {reset.error && (
                  <Alert color="red" role="alert">
                    {errorMessage(reset.error, t('common.error'))}
                  </Alert>
                )}
                <PasswordInput
                  label={t('resetPassword.newPassword')}
                  description={t('invite.passwordHint')}
                  autoComplete="new-password"
                  autoFocus
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" loading={reset.isPending}>
                  {t('resetPassword.save')}
                </Button>
              </>
            )}
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
