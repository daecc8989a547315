import { Stack, Tabs, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { EmptyHint } from '../../components/ui/empty-hint'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { useMe } from '../auth/auth.queries'
import { useAdminSections } from './use-can'

/** Administration: one tab per section the member's role may use. */
export default function AdminLayout() {
  const { t } = useTranslation()
  const me = useMe()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const sections = useAdminSections()
  const current = pathname.split('/')[2] ?? ''

  if (me.isPending) return <PageSkeleton />
  const allowed = sections.find((s) => s.path === current)
  const first = sections[0]
  if (first && !current) return <Navigate to={first.path} replace />
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('admin.title')}
      </Title>
      {sections.length > 0 && (
        <Tabs value={allowed ? current : null} onChange={(v) => v && void navigate(`/admin/${v}`)}>
          <Tabs.List aria-label={t('admin.sections')}>
            {sections.map((s) => (
              <Tabs.Tab key={s.path} value={s.path}>
                {t(s.label)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {allowed ? (
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      ) : (
        <EmptyHint icon={<IconLock />} title={t('admin.noAccess')} hint={t('admin.noAccessHint')} />
      )}
    </Stack>
  )
}
