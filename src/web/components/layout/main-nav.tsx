import { NavLink as MantineNavLink, Stack } from '@mantine/core'
import {
  IconBuilding,
  IconCalendarCheck,
  IconChecklist,
  IconCopy,
  IconFileImport,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation } from 'react-router'
import { AdminNavLink } from '../../features/admin/admin-nav-link'
import { PrivacyNavLink } from '../../features/privacy/privacy-nav-link'
import { SalesNavLinks } from '../../features/sales/sales-nav-links'

const items = [
  { to: '/', label: 'nav.myDay', icon: IconCalendarCheck },
  { to: '/companies', label: 'nav.companies', icon: IconBuilding },
  { to: '/contacts', label: 'nav.contacts', icon: IconUsers },
  { to: '/activities', label: 'nav.activities', icon: IconChecklist },
  { to: '/imports', label: 'imports.nav', icon: IconFileImport },
  { to: '/duplicates', label: 'duplicates.nav', icon: IconCopy },
  { to: '/settings', label: 'nav.settings', icon: IconSettings },
] as const

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to))
  return (
    <Stack gap={2} component="nav" aria-label={t('nav.main')}>
      {items.map(({ to, label, icon: Icon }) => (
        <MantineNavLink
          key={to}
          component={NavLink}
          to={to}
          label={t(label)}
          leftSection={<Icon size={18} stroke={1.6} />}
          active={isActive(to)}
          aria-current={isActive(to) ? 'page' : undefined}
          onClick={onNavigate}
        />
      ))}
      <SalesNavLinks onNavigate={onNavigate} />
      <PrivacyNavLink onNavigate={onNavigate} />
      <AdminNavLink onNavigate={onNavigate} />
    </Stack>
  )
}
