import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { lazy, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AppLayout } from './components/layout/app-layout'
import { PageSkeleton } from './components/ui/page-skeleton'
import { adminRoutes, publicAccountRoutes } from './features/admin/admin-routes'
import { RequireAuth } from './features/auth/require-auth'
import { queryClient } from './lib/query-client'
import { cssVariablesResolver, themeFor } from './lib/theme'

// Every page is its own chunk so the first load carries only the shell.
const SignInPage = lazy(() => import('./features/auth/sign-in-page'))
const SetupPage = lazy(() => import('./features/auth/setup-page'))
const MyDayPage = lazy(() => import('./features/my-day/my-day-page'))
const CompanyListPage = lazy(() => import('./features/companies/company-list-page'))
const CompanyPage = lazy(() => import('./features/companies/company-page'))
const ContactListPage = lazy(() => import('./features/contacts/contact-list-page'))
const ContactPage = lazy(() => import('./features/contacts/contact-page'))
const ActivitiesPage = lazy(() => import('./features/activities/activities-page'))
const SettingsPage = lazy(() => import('./features/settings/settings-page'))
const PrivacyPage = lazy(() => import('./features/privacy/privacy-page'))
const PipelineBoardPage = lazy(() => import('./features/sales/pipeline-board-page'))
const PipelineSettingsPage = lazy(() => import('./features/sales/pipeline-settings-page'))
const DealPage = lazy(() => import('./features/sales/deal-page'))
const ProductsPage = lazy(() => import('./features/sales/products-page'))
const ForecastPage = lazy(() => import('./features/sales/forecast-page'))
const LeadsPage = lazy(() => import('./features/sales/leads-page'))
const LeadRulesPage = lazy(() => import('./features/sales/lead-rules/lead-rules-page'))
const ImportPage = lazy(() => import('./features/imports/import-page'))
const DuplicatesPage = lazy(() => import('./features/duplicates/duplicates-page'))
const NotFoundPage = lazy(() => import('./components/layout/not-found-page'))

export function App() {
  const { t } = useTranslation()
  const closeLabel = t('common.close')
  const theme = useMemo(() => themeFor({ closeLabel }), [closeLabel])
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<PageSkeleton />}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/setup" element={<SetupPage />} />
              {publicAccountRoutes()}
              <Route element={<RequireAuth />}>
                <Route element={<AppLayout />}>
                  <Route index element={<MyDayPage />} />
                  <Route path="companies" element={<CompanyListPage />} />
                  <Route path="companies/:id" element={<CompanyPage />} />
                  <Route path="contacts" element={<ContactListPage />} />
                  <Route path="contacts/:id" element={<ContactPage />} />
                  <Route path="activities" element={<ActivitiesPage />} />
                  <Route path="settings" element={<SettingsPage />} />
                  <Route path="data-protection" element={<PrivacyPage />} />
                  <Route path="pipeline" element={<PipelineBoardPage />} />
                  <Route path="pipeline/settings" element={<PipelineSettingsPage />} />
                  <Route path="deals/:id" element={<DealPage />} />
                  <Route path="products" element={<ProductsPage />} />
                  <Route path="forecast" element={<ForecastPage />} />
                  <Route path="leads" element={<LeadsPage />} />
                  <Route path="leads/rules" element={<LeadRulesPage />} />
                  <Route path="imports" element={<ImportPage />} />
                  <Route path="duplicates" element={<DuplicatesPage />} />
                  {adminRoutes()}
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  )
}
