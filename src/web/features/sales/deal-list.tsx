import { Anchor, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Pipeline } from '../../../shared/pipelines.schema'
import { listDeals } from '../../../shared/sales.api'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { formatDate, formatMoney } from '../../lib/format'
import { useUsers } from '../users/users.queries'

/** The same open deals as a table, sortable by the server. */
export function DealList({ pipeline, ownerId }: { pipeline: Pipeline; ownerId?: string }) {
  const { t } = useTranslation()
  const { byId } = useUsers()
  const filter: Record<string, Record<string, string>> = {
    pipelineId: { eq: pipeline.id },
    status: { eq: 'open' },
  }
  if (ownerId) filter.ownerId = { eq: ownerId }
  const deals = useQuery({
    queryKey: ['board', pipeline.id, 'list', ownerId],
    queryFn: () => listDeals(api, { filter, sort: 'expectedCloseDate', limit: 200 }),
  })
  if (deals.isPending) return <PageSkeleton rows={5} />
  if (deals.isError) return <ErrorState error={deals.error} />
  const stageName = new Map(pipeline.stages.map((s) => [s.id, s.name]))
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sales.deal.title')}</Table.Th>
          <Table.Th>{t('sales.deal.stage')}</Table.Th>
          <Table.Th>{t('sales.deal.amount')}</Table.Th>
          <Table.Th>{t('sales.deal.probability')}</Table.Th>
          <Table.Th>{t('sales.deal.closeDate')}</Table.Th>
          <Table.Th>{t('sales.deal.owner')}</Table.Th>
          <Table.Th>{t('sales.scorecard.score')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deals.data.data.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Anchor component={Link} to={`/deals/${d.id}`}>
                {d.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{stageName.get(d.stageId ?? '')}</Table.Td>
            <Table.Td>{formatMoney(d.amount ?? 0, d.currency ?? 'EUR')}</Table.Td>
            <Table.Td>{d.probability} %</Table.Td>
            <Table.Td>{formatDate(d.expectedCloseDate)}</Table.Td>
            <Table.Td>{d.ownerId ? byId.get(d.ownerId)?.name : ''}</Table.Td>
            <Table.Td>{d.score ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
