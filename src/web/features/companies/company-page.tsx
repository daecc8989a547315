import { Badge, Grid, Group, Paper, Stack, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { companyTimeline } from '../../../shared/companies.api'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { rememberRecent } from '../../lib/recent'
import { QuickActions } from '../activities/quick-actions'
import { FindDuplicatesButton, useMergedRedirect } from '../duplicates/record-duplicates'
import { Timeline } from '../timeline/timeline'
import { useCompany } from './companies.queries'
import { CompanyDetails } from './company-details'
import { CompanyRelated } from './company-related'

export default function CompanyPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const company = useCompany(id)
  useMergedRedirect('companies', id, company.data?.id)
  const name = company.data?.name

  useEffect(() => {
    if (name) rememberRecent({ type: 'company', id, label: name })
  }, [id, name])

  if (company.isPending) return <PageSkeleton />
  if (company.isError) return <ErrorState error={company.error} />
  const c = company.data
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {c.name}
          </Title>
          {c.lifecycleStage && <Badge variant="light">{t(`stages.${c.lifecycleStage}`)}</Badge>}
          {c.tags.map((tg) => (
            <Badge key={tg.id} variant="outline" color={tg.color ?? undefined}>
              {tg.name}
            </Badge>
          ))}
        </Group>
        <Group gap="sm">
          <FindDuplicatesButton objectType="company" id={c.id} />
          <QuickActions target={{ companyId: c.id }} />
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md" component="section" aria-label={t('record.details')}>
              <Title order={2} size="h4" mb="sm">
                {t('record.details')}
              </Title>
              <CompanyDetails company={c} />
            </Paper>
            <CompanyRelated company={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" component="section" aria-label={t('record.timeline')}>
            <Title order={2} size="h4" mb="sm">
              {t('record.timeline')}
            </Title>
            <Timeline
              objectType="company"
              id={c.id}
              fetch={(before) => companyTimeline(api, c.id, before)}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
