import { zodResolver } from '@hookform/resolvers/zod'
import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import type { z } from 'zod'
import { acceptInvitation } from '../../../shared/users.api'
import { acceptInvitationSchema } from '../../../shared/users.schema'
import { LanguageSwitch } from '../../components/layout/language-switch'
import { api } from '../../lib/api'
import { applyFieldErrors, errorMessage } from '../../lib/problems'
import { meKey } from '../auth/auth.queries'

const formSchema = acceptInvitationSchema.omit({ token: true })
type FormValues = z.infer<typeof formSchema>

/** Where an invitation link leads: the new member picks a name and password and is signed in. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const accept = useMutation({
    mutationFn: (values: FormValues) => acceptInvitation(api, { token, ...values }),
    onSuccess: (me) => qc.setQueryData(meKey, me),
  })
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: '', password: '' },
  })

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await accept.mutateAsync(values)
      await navigate('/', { replace: true })
    } catch (error) {
      applyFieldErrors(error, form.setError, ['name', 'password'])
    }
  })

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} component="main">
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Title order={1} size="h3">
              {t('invite.title')}
            </Title>
            <Text size="sm">{t('invite.intro')}</Text>
            {accept.error && (
              <Alert color="red" role="alert">
                {errorMessage(accept.error, t('common.error'))}
              </Alert>
            )}
            <TextInput
              label={t('invite.name')}
              autoComplete="name"
              autoFocus
              {...form.register('name')}
              error={form.formState.errors.name?.message}
            />
            <PasswordInput
              label={t('invite.password')}
              description={t('invite.passwordHint')}
              autoComplete="new-password"
              {...form.register('password')}
              error={form.formState.errors.password?.message}
            />
            <Button type="submit" loading={accept.isPending}>
              {t('invite.accept')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
