import { NavLink as MantineNavLink } from '@mantine/core'
import { IconShieldLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation } from 'react-router'
import { useAdminSections } from './use-can'

/** The main menu entry of administration; members whose role has none of it do not see it. */
export function AdminNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const sections = useAdminSections()
  if (sections.length === 0) return null
  const isActive = pathname.startsWith('/admin')
  return (
    <MantineNavLink
      component={NavLink}
      to="/admin"
      label={t('admin.nav')}
      leftSection={<IconShieldLock size={18} stroke={1.6} />}
      active={isActive}
      aria-current={isActive ? 'page' : undefined}
      onClick={onNavigate}
    />
  )
}
