import { Anchor, Badge, Button, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Lead, LeadCreate } from '../../../shared/leads.schema'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { notifyError } from '../../lib/problems'
import { useUsers } from '../users/users.queries'
import { LeadConvertModal } from './lead-convert-modal'
import { useCreateLead, useLeads } from './sales.queries'

const fields = [
  'firstName',
  'lastName',
  'email',
  'companyName',
  'industry',
  'region',
  'source',
] as const
const labels: Record<(typeof fields)[number], string> = {
  firstName: 'sales.leads.firstName',
  lastName: 'sales.leads.lastName',
  email: 'sales.leads.email',
  companyName: 'sales.leads.company',
  industry: 'sales.leads.industry',
  region: 'sales.leads.region',
  source: 'sales.leads.source',
}

/** Leads best score first, a quick capture form and conversion. */
export default function LeadsPage() {
  const { t } = useTranslation()
  const leads = useLeads()
  const create = useCreateLead()
  const { byId } = useUsers()
  const [draft, setDraft] = useState<Record<string, string>>({})
  const [converting, setConverting] = useState<Lead | null>(null)
  if (leads.isPending) return <PageSkeleton />
  if (leads.isError) return <ErrorState error={leads.error} />
  const submit = () => {
    const input = Object.fromEntries(
      Object.entries(draft).filter(([, v]) => v.trim()),
    ) as LeadCreate
    create.mutate(input, {
      onSuccess: () => setDraft({}),
      onError: (e) => notifyError(e, t('common.error')),
    })
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('sales.leads.title')}
        </Title>
        <Button component={Link} to="/leads/rules" variant="default" size="xs">
          {t('sales.leadRules.title')}
        </Button>
      </Group>
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Group align="flex-end">
          {fields.map((f) => (
            <TextInput
              key={f}
              size="xs"
              w={150}
              label={t(labels[f])}
              value={draft[f] ?? ''}
              onChange={(e) => setDraft({ ...draft, [f]: e.currentTarget.value })}
            />
          ))}
          <Button type="submit" size="xs" loading={create.isPending}>
            {t('sales.leads.new')}
          </Button>
        </Group>
      </Paper>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sales.leads.lastName')}</Table.Th>
            <Table.Th>{t('sales.leads.company')}</Table.Th>
            <Table.Th>{t('sales.leads.region')}</Table.Th>
            <Table.Th>{t('sales.leads.source')}</Table.Th>
            <Table.Th>{t('sales.leads.status')}</Table.Th>
            <Table.Th>{t('sales.leads.score')}</Table.Th>
            <Table.Th>{t('sales.deal.owner')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.data.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Anchor component={Link} to={`/contacts/${l.id}`}>
                  {[l.firstName, l.lastName].filter(Boolean).join(' ') || l.email}
                </Anchor>
              </Table.Td>
              <Table.Td>{l.companyName}</Table.Td>
              <Table.Td>{l.region}</Table.Td>
              <Table.Td>{l.source}</Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`sales.leads.statuses.${l.status}`)}</Badge>
              </Table.Td>
              <Table.Td
                title={`${t('sales.leads.fit')} ${l.fitScore} · ${t('sales.leads.engagement')} ${l.engagementScore}`}
              >
                {l.score}
              </Table.Td>
              <Table.Td>{l.ownerId ? byId.get(l.ownerId)?.name : ''}</Table.Td>
              <Table.Td>
                {l.status === 'converted' && l.convertedDealId ? (
                  <Anchor component={Link} to={`/deals/${l.convertedDealId}`} size="sm">
                    →
                  </Anchor>
                ) : l.status !== 'disqualified' ? (
                  <Button size="compact-xs" variant="light" onClick={() => setConverting(l)}>
                    {t('sales.leads.convert')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LeadConvertModal
        key={converting?.id ?? 'none'}
        lead={converting}
        onClose={() => setConverting(null)}
      />
    </Stack>
  )
}
