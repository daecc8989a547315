import { useEffect } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { ApiError } from '../../../shared/errors'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { ErrorState } from '../../components/ui/error-state'
import { currentLanguage, setLanguage } from '../../i18n/i18n'
import { useMe } from './auth.queries'

/** Shows the signed-in part of the app, or sends the visitor to sign in and back. */
export function RequireAuth() {
  const me = useMe()
  const location = useLocation()
  const profileLanguage = me.data?.user.language

  // The language saved in the profile follows the user from browser to browser.
  useEffect(() => {
    if (profileLanguage && profileLanguage !== currentLanguage()) void setLanguage(profileLanguage)
  }, [profileLanguage])

  if (me.isPending) return <PageSkeleton />
  if (me.error instanceof ApiError && me.error.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search)
    return <Navigate to={`/sign-in?next=${next}`} replace />
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />
  return <Outlet />
}
