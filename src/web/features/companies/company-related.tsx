import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Company } from '../../../shared/companies.schema'
import { contactLabel } from '../contacts/contact-label'
import { useCompany, useCompanyContacts, useSubsidiaries } from './companies.queries'

/** The company's contacts with their roles, its parent company and its subsidiaries. */
export function CompanyRelated({ company: c }: { company: Company }) {
  const { t } = useTranslation()
  const contacts = useCompanyContacts(c.id)
  const subsidiaries = useSubsidiaries(c.id)
  return (
    <Paper withBorder p="md" component="section" aria-label={t('record.related')}>
      <Stack>
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('companies.contacts')}
          </Title>
          {contacts.data?.data.length ? (
            <List size="sm" spacing={4}>
              {contacts.data.data.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`/contacts/${p.id}`}>
                    {contactLabel(p)}
                  </Anchor>
                  {p.role ? <Text span size="sm" c="dimmed">{` · ${p.role}`}</Text> : null}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('companies.noContacts')}
            </Text>
          )}
        </div>
        {c.parentId && <ParentLink id={c.parentId} />}
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('companies.subsidiaries')}
          </Title>
          {subsidiaries.data?.data.length ? (
            <List size="sm" spacing={4}>
              {subsidiaries.data.data.map((s) => (
                <List.Item key={s.id}>
                  <Anchor component={Link} to={`/companies/${s.id}`}>
                    {s.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('companies.noSubsidiaries')}
            </Text>
          )}
        </div>
      </Stack>
    </Paper>
  )
}

function ParentLink({ id }: { id: string }) {
  const { t } = useTranslation()
  const parent = useCompany(id)
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {t('companies.parent')}
      </Title>
      <Anchor component={Link} to={`/companies/${id}`} size="sm">
        {parent.data?.name ?? '…'}
      </Anchor>
    </div>
  )
}
