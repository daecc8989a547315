import { Avatar, Menu, UnstyledButton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconLanguage, IconLogout, IconUser } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useMe, useSignOut, useUpdateMe } from '../../features/auth/auth.queries'
import { setLanguage, type Language } from '../../i18n/i18n'

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
}

export function UserMenu() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const me = useMe()
  const signOut = useSignOut()
  const updateMe = useUpdateMe()
  const name = me.data?.user.name ?? ''

  // The choice is saved in the profile too, so it follows the user to other browsers.
  const chooseLanguage = (lang: Language) => {
    void setLanguage(lang)
    updateMe.mutate({ language: lang })
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`${t('user.menu')}: ${name}`}>
          <Avatar color="teal" radius="xl" size={34}>
            {initials(name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.data?.user.email}</Menu.Label>
        <Menu.Item leftSection={<IconUser size={16} />} onClick={() => void navigate('/settings')}>
          {t('user.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('user.language')}</Menu.Label>
        {(['fi', 'en'] as const).map((lang) => (
          <Menu.Item
            key={lang}
            leftSection={<IconLanguage size={16} />}
            aria-current={i18n.language === lang ? 'true' : undefined}
            fw={i18n.language === lang ? 700 : undefined}
            onClick={() => chooseLanguage(lang)}
          >
            {t(`languages.${lang}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() =>
            signOut.mutate(undefined, {
              onSettled: () => {
                notifications.show({ message: t('auth.signedOut') })
                void navigate('/sign-in', { replace: true })
              },
            })
          }
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
