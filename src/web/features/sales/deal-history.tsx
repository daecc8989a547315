import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { dealStageHistory } from '../../../shared/sales.api'
import { api } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { useDealPart } from './sales.queries'

function duration(seconds: number, lang: string): string {
  const days = Math.floor(seconds / 86400)
  const hours = Math.floor((seconds % 86400) / 3600)
  const unit = lang === 'en' ? { d: 'd', h: 'h' } : { d: 'pv', h: 't' }
  return days > 0
    ? `${days} ${unit.d} ${hours} ${unit.h}`
    : `${hours} ${unit.h} ${Math.floor((seconds % 3600) / 60)} min`
}

/** Each stay of the deal in a stage and how long it lasted. */
export function DealHistory({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation()
  const history = useDealPart(dealId, 'history', () => dealStageHistory(api, dealId))
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sales.deal.stage')}</Table.Th>
          <Table.Th>{t('sales.deal.history')}</Table.Th>
          <Table.Th>{t('sales.deal.timeInStage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(history.data?.data ?? []).map((h) => (
          <Table.Tr key={h.enteredAt}>
            <Table.Td>{h.stageName}</Table.Td>
            <Table.Td>
              {formatDateTime(h.enteredAt)} – {h.leftAt ? formatDateTime(h.leftAt) : ''}
            </Table.Td>
            <Table.Td>{duration(h.seconds, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
