import { NavLink as MantineNavLink } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation } from 'react-router'
import { useCan } from '../admin/use-can'

/** Main menu entry of data protection, for roles that may read purposes or requests. */
export function PrivacyNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const canPurposes = useCan('purposes', 'read')
  const canRequests = useCan('privacy-requests', 'read')
  if (!canPurposes && !canRequests) return null
  const isActive = pathname.startsWith('/data-protection')
  return (
    <MantineNavLink
      component={NavLink}
      to="/data-protection"
      label={t('privacy.nav')}
      leftSection={<IconLock size={18} stroke={1.6} />}
      active={isActive}
      aria-current={isActive ? 'page' : undefined}
      onClick={onNavigate}
    />
  )
}
