import { useDroppable } from '@dnd-kit/core'
import { Badge, Button, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Board, BoardCard } from '../../../shared/deals.schema'
import { formatMoney } from '../../lib/format'
import { DealCard } from './deal-card'

type Column = Board['columns'][number]
type Props = {
  column: Column
  currency: string
  extraCards: BoardCard[]
  ownerName: (id: string | null) => string | undefined
  refusals: Record<string, string>
  onMore?: () => void
}

/**
 * A stage: its totals on top (in the workspace currency, and apart for each other currency),
 * then its cards; the whole column is a drop target.
 */
export function BoardColumn({ column, currency, extraCards, ownerName, refusals, onMore }: Props) {
  const { t } = useTranslation()
  const { setNodeRef, isOver } = useDroppable({
    id: column.stageId,
    data: { stageId: column.stageId },
  })
  const cards = [...column.cards, ...extraCards]
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      w={270}
      miw={270}
      bg={isOver ? 'var(--mantine-color-blue-light)' : undefined}
      component="section"
      aria-label={column.name}
    >
      <Stack gap={4} mb="xs">
        <Title order={2} size="h5">
          {column.name}{' '}
          <Badge size="xs" variant="light">
            {column.probability} %
          </Badge>
        </Title>
        <Text size="xs" c="dimmed">
          {t('sales.board.count', { count: column.count })} · {t('sales.board.sum')}{' '}
          {formatMoney(column.sum, currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('sales.board.weighted')} {formatMoney(column.weightedSum, currency)}
        </Text>
        {/* Deals in other currencies are summed apart: there are no exchange rates to add them. */}
        {column.sums
          .filter((x) => x.currency !== currency)
          .map((x) => (
            <Text key={x.currency} size="xs" c="dimmed" data-testid="other-currency-sum">
              {t('sales.board.otherCurrency', {
                count: x.count,
                sum: formatMoney(x.sum, x.currency),
                weighted: formatMoney(x.weightedSum, x.currency),
              })}
            </Text>
          ))}
      </Stack>
      <ScrollArea.Autosize mah="70vh">
        <Stack gap="xs" mih={60}>
          {cards.map((c) => (
            <DealCard
              key={c.id}
              card={c}
              stageId={column.stageId}
              ownerName={ownerName(c.ownerId)}
              refusal={refusals[c.id]}
            />
          ))}
          {onMore && (
            <Button variant="subtle" size="xs" onClick={onMore}>
              {t('sales.board.more')}
            </Button>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  )
}
