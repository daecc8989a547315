import { useDraggable } from '@dnd-kit/core'
import { Badge, Card, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { BoardCard } from '../../../shared/deals.schema'
import { formatDate, formatMoney } from '../../lib/format'

type Props = { card: BoardCard; stageId: string; ownerName?: string; refusal?: string }

/** One deal on the board; dragged by its body, opened by its title. */
export function DealCard({ card, stageId, ownerName, refusal }: Props) {
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    data: { stageId },
  })
  const style = transform
    ? { transform: `translate(${transform.x}px, ${transform.y}px)` }
    : undefined
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      radius="sm"
      style={{ ...style, opacity: isDragging ? 0.6 : 1, cursor: 'grab', touchAction: 'none' }}
      {...listeners}
      {...attributes}
      aria-label={card.title}
    >
      <Stack gap={4}>
        <Text
          size="sm"
          fw={600}
          component={Link}
          to={`/deals/${card.id}`}
          onPointerDown={(e) => e.stopPropagation()}
        >
          {card.title}
        </Text>
        {card.companyName && (
          <Text size="xs" c="dimmed">
            {card.companyName}
          </Text>
        )}
        <Group justify="space-between" gap={4}>
          <Text size="sm">{formatMoney(card.amount, card.currency)}</Text>
          {card.score !== null && (
            <Badge
              size="xs"
              variant="light"
              color={card.score >= 60 ? 'teal' : card.score >= 30 ? 'yellow' : 'gray'}
            >
              {t('sales.board.score', { score: card.score })}
            </Badge>
          )}
        </Group>
        <Group justify="space-between" gap={4}>
          <Text size="xs" c="dimmed">
            {[formatDate(card.expectedCloseDate), ownerName].filter(Boolean).join(' · ')}
          </Text>
          {card.isRotting && (
            <Badge size="xs" color="orange" leftSection={<IconClockExclamation size={10} />}>
              {t('sales.board.rotting')}
            </Badge>
          )}
        </Group>
        {refusal && (
          <Text size="xs" c="red" role="alert">
            <IconAlertTriangle size={12} /> {refusal}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
