import { Alert, Anchor } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../../features/auth/auth.queries'

/** A gentle reminder while the admin still uses the password printed at first start. */
export function PasswordBanner() {
  const { t } = useTranslation()
  const me = useMe()
  if (!me.data?.user.mustChangePassword) return null
  return (
    <Alert color="yellow" icon={<IconKey size={18} />} mb="md" role="status">
      {t('passwordBanner.text')}{' '}
      <Anchor component={Link} to="/settings#password" fw={600}>
        {t('passwordBanner.action')}
      </Anchor>
    </Alert>
  )
}
