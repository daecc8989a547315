import { Badge, Grid, Group, Paper, Stack, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { contactTimeline } from '../../../shared/contacts.api'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { rememberRecent } from '../../lib/recent'
import { QuickActions } from '../activities/quick-actions'
import { Timeline } from '../timeline/timeline'
import { ContactConsents } from '../privacy/contact-consents'
import { FindDuplicatesButton, useMergedRedirect } from '../duplicates/record-duplicates'
import { ContactCompanies } from './contact-companies'
import { ContactDetails } from './contact-details'
import { contactLabel } from './contact-label'
import { useContact } from './contacts.queries'

export default function ContactPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const contact = useContact(id)
  useMergedRedirect('contacts', id, contact.data?.id)
  const name = contact.data ? contactLabel(contact.data) : undefined

  useEffect(() => {
    // An erased person's page also replaces the name this browser remembered with the label.
    if (name) rememberRecent({ type: 'contact', id, label: name })
  }, [id, name])

  if (contact.isPending) return <PageSkeleton />
  if (contact.isError) return <ErrorState error={contact.error} />
  const c = contact.data
  const primary = c.companies.find((co) => co.isPrimary) ?? c.companies[0]
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} size="h2">
            {name || t('contacts.unnamed')}
          </Title>
          {c.lifecycleStage && <Badge variant="light">{t(`stages.${c.lifecycleStage}`)}</Badge>}
          {c.tags.map((tg) => (
            <Badge key={tg.id} variant="outline" color={tg.color ?? undefined}>
              {tg.name}
            </Badge>
          ))}
        </Group>
        <Group gap="sm">
          <FindDuplicatesButton objectType="contact" id={c.id} />
          <QuickActions target={{ contactId: c.id, companyId: primary?.companyId }} />
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md" component="section" aria-label={t('record.details')}>
              <Title order={2} size="h4" mb="sm">
                {t('record.details')}
              </Title>
              <ContactDetails contact={c} />
            </Paper>
            <ContactCompanies contact={c} />
            <ContactConsents contactId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" component="section" aria-label={t('record.timeline')}>
            <Title order={2} size="h4" mb="sm">
              {t('record.timeline')}
            </Title>
            <Timeline
              objectType="contact"
              id={c.id}
              fetch={(before) => contactTimeline(api, c.id, before)}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
