import { Anchor, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { BoardQuery } from '../../../shared/deals.schema'
import type { Pipeline } from '../../../shared/pipelines.schema'
import { listDeals } from '../../../shared/sales.api'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { formatDate, formatMoney } from '../../lib/format'
import { useTeams } from '../admin/teams/teams.queries'
import { useUsers } from '../users/users.queries'

type Filters = Partial<BoardQuery>
// No user has this id: a team without members matches no deal, as on the board.
const nobody = '00000000-0000-0000-0000-000000000000'

/** The board's filters as list filters, so the list shows the same deals as the board. */
function listFilter(pipeline: Pipeline, f: Filters, teamMembers: string[] | undefined) {
  const filter: Record<string, Record<string, string>> = {
    pipelineId: { eq: pipeline.id },
    status: { eq: 'open' },
  }
  if (f.ownerId) filter.ownerId = { eq: f.ownerId }
  if (teamMembers) filter.ownerId = { ...filter.ownerId, in: teamMembers.join(',') || nobody }
  const close: Record<string, string> = {}
  if (f.closeFrom) close.gte = f.closeFrom
  if (f.closeTo) close.lte = f.closeTo
  if (Object.keys(close).length) filter.expectedCloseDate = close
  // The board counts a deal without a score as 0.
  if (f.minScore) filter.score = { gte: String(f.minScore) }
  return filter
}

/** The same open deals as the board (same filters) as a table, sortable by the server. */
export function DealList({ pipeline, filters }: { pipeline: Pipeline; filters: Filters }) {
  const { t } = useTranslation()
  const { byId } = useUsers()
  const teams = useTeams()
  const team = filters.teamId ? teams.data?.data.find((tm) => tm.id === filters.teamId) : undefined
  const filter = listFilter(pipeline, filters, filters.teamId ? team?.memberIds : undefined)
  const deals = useQuery({
    queryKey: ['board', pipeline.id, 'list', filter],
    queryFn: () => listDeals(api, { filter, sort: 'expectedCloseDate', limit: 200 }),
    enabled: !filters.teamId || !!team,
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
