import { AppShell, Burger, Group, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { SearchSpotlight } from '../../features/search/search-spotlight'
import { PageSkeleton } from '../ui/page-skeleton'
import { MainNav } from './main-nav'
import { PasswordBanner } from './password-banner'
import { SearchButton } from './search-button'
import { ThemeToggle } from './theme-toggle'
import { UserMenu } from './user-menu'
import classes from './app-layout.module.css'

export function AppLayout() {
  const { t } = useTranslation()
  const [isNavOpen, nav] = useDisclosure()
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.openMenu')}
            />
            <Text fw={700} size="xl" c="var(--mantine-color-anchor)">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SearchButton />
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <MainNav onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <PasswordBanner />
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <SearchSpotlight />
    </AppShell>
  )
}
