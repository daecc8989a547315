import { ActionIcon, Group } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

type Props = {
  /** 1-based, for the buttons' names: "Move rule 2 up". */
  number: number
  count: number
  onMove?: (by: -1 | 1) => void
  onDelete: () => void
}

/** Buttons at the end of a rule row: reorder (when order matters) and delete. */
export function RuleRowActions({ number, count, onMove, onDelete }: Props) {
  const { t } = useTranslation()
  return (
    <Group gap={2} wrap="nowrap" mt={24}>
      {onMove && (
        <>
          <ActionIcon
            variant="subtle"
            aria-label={t('sales.leadRules.moveUp', { number })}
            disabled={number === 1}
            onClick={() => onMove(-1)}
          >
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('sales.leadRules.moveDown', { number })}
            disabled={number === count}
            onClick={() => onMove(1)}
          >
            <IconArrowDown size={14} />
          </ActionIcon>
        </>
      )}
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('sales.leadRules.delete', { number })}
        onClick={onDelete}
      >
        <IconTrash size={14} />
      </ActionIcon>
    </Group>
  )
}

let nextRowKey = 0
/** A key for a row being edited, stable while rows move. */
export const rowKey = () => `r${++nextRowKey}`

export function moveItem<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by
  if (to < 0 || to >= list.length) return list
  const copy = [...list]
  const [item] = copy.splice(index, 1)
  if (item !== undefined) copy.splice(to, 0, item)
  return copy
}
