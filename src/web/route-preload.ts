import { meQuery } from './features/auth/auth.queries'
import { queryClient } from './lib/query-client'

type Preload = { preload: (search: string) => void }

// A full load of a list page used to run in series: /me, then (RequireAuth lets the page
// render) the page's chunk, then its first page of rows — about 0.4 s of waiting before the
// rows were even asked for. At boot we start all three at once for the page in the address.
const routes: { path: RegExp; page: () => Promise<unknown>; data: () => Promise<Preload> }[] = [
  {
    path: /^\/contacts\/?$/,
    page: () => import('./features/contacts/contact-list-page'),
    data: () => import('./features/contacts/contact-list-preload'),
  },
  {
    path: /^\/companies\/?$/,
    page: () => import('./features/companies/company-list-page'),
    data: () => import('./features/companies/company-list-preload'),
  },
]

/** Starts /me, and for a list page its chunk and first page, before the first render. */
export function preloadRoute({ pathname, search }: { pathname: string; search: string }): void {
  void queryClient.prefetchQuery(meQuery)
  const route = routes.find((r) => r.path.test(pathname))
  if (!route) return
  void route.page()
  void route.data().then((m) => m.preload(search))
}

/**
 * Once the app is idle, loads the list pages' chunks (the pages people open most), so the
 * first visit to a list after any other page does not wait for ~45 files and their compiling.
 */
export function preloadListPagesWhenIdle(): void {
  const load = () => routes.forEach((r) => void r.page())
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(load, { timeout: 3000 })
  else setTimeout(load, 1000)
}
