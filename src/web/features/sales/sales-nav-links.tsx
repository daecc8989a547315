import { NavLink as MantineNavLink } from '@mantine/core'
import { IconChartBar, IconLayoutKanban, IconPackage, IconUserPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation } from 'react-router'
import type { Resource } from '../../../shared/permissions'
import { useCan } from '../admin/use-can'

const links = [
  {
    to: '/pipeline',
    label: 'sales.nav.board',
    icon: IconLayoutKanban,
    resource: 'deals',
    also: '/deals',
  },
  { to: '/leads', label: 'sales.nav.leads', icon: IconUserPlus, resource: 'leads', also: null },
  {
    to: '/forecast',
    label: 'sales.nav.forecast',
    icon: IconChartBar,
    resource: 'forecast',
    also: null,
  },
  {
    to: '/products',
    label: 'sales.nav.products',
    icon: IconPackage,
    resource: 'products',
    also: null,
  },
] as const satisfies readonly {
  to: string
  label: string
  icon: typeof IconChartBar
  resource: Resource
  also: string | null
}[]

function SalesLink({ link, onNavigate }: { link: (typeof links)[number]; onNavigate: () => void }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const canRead = useCan(link.resource, 'read')
  if (!canRead) return null
  const isActive =
    pathname.startsWith(link.to) || (link.also !== null && pathname.startsWith(link.also))
  const Icon = link.icon
  return (
    <MantineNavLink
      component={NavLink}
      to={link.to}
      label={t(link.label)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={isActive}
      aria-current={isActive ? 'page' : undefined}
      onClick={onNavigate}
    />
  )
}

/** Main menu entries of sales, each shown to roles that may read it. */
export function SalesNavLinks({ onNavigate }: { onNavigate: () => void }) {
  return (
    <>
      {links.map((l) => (
        <SalesLink key={l.to} link={l} onNavigate={onNavigate} />
      ))}
    </>
  )
}
