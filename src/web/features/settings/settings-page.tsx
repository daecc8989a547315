import { Button, Paper, Select, Stack, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { setLanguage } from '../../i18n/i18n'
import { errorMessage } from '../../lib/problems'
import { useMe, useUpdateMe } from '../auth/auth.queries'
import { PasswordForm } from './password-form'

// Admin pages (users, teams, API keys, custom fields, workspace, audit log) are added here
// as their own routes under /settings.
export default function SettingsPage() {
  const { t } = useTranslation()
  const me = useMe()
  if (me.isPending) return <PageSkeleton />
  if (me.isError) return <ErrorState error={me.error} />
  return (
    <Stack maw={520}>
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <ProfileForm name={me.data.user.name} language={me.data.user.language} />
      {!me.data.apiKeyId && <PasswordForm />}
    </Stack>
  )
}

function ProfileForm(props: { name: string; language: 'fi' | 'en' | null }) {
  const { t } = useTranslation()
  const update = useUpdateMe()
  const [name, setName] = useState(props.name)
  const [language, setLang] = useState<string>(props.language ?? '')
  const nameError = update.error ? errorMessage(update.error, t('common.error')) : undefined

  const save = () => {
    const lang = language === 'fi' || language === 'en' ? language : null
    update.mutate(
      { name, language: lang },
      {
        onSuccess: () => {
          if (lang) void setLanguage(lang)
          notifications.show({ message: t('settings.saved') })
        },
      },
    )
  }
  return (
    <Paper withBorder p="md" component="section" aria-label={t('settings.profile')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack>
          <Title order={2} size="h4">
            {t('settings.profile')}
          </Title>
          <TextInput
            label={t('settings.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
          />
          <Select
            label={t('settings.language')}
            value={language}
            onChange={(v) => setLang(v ?? '')}
            data={[
              { value: '', label: t('settings.workspaceLanguage') },
              { value: 'fi', label: t('languages.fi') },
              { value: 'en', label: t('languages.en') },
            ]}
          />
          <Button type="submit" loading={update.isPending} w="fit-content">
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
