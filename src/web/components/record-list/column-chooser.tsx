import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core'
import { IconColumns } from '@tabler/icons-react'
import type { ColumnVisibilityState } from '@tanstack/react-table'
import { useTranslation } from 'react-i18next'
import type { ColumnSpec, Row } from './list-types'

export function ColumnChooser<T extends Row>(props: {
  columns: ColumnSpec<T>[]
  visibility: ColumnVisibilityState
  onChange: (v: ColumnVisibilityState) => void
}) {
  const { t } = useTranslation()
  return (
    <Popover position="bottom-end" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack
          gap="xs"
          role="group"
          aria-label={t('list.chooseColumns')}
          mah={360}
          style={{ overflow: 'auto' }}
        >
          <Text size="sm" fw={600}>
            {t('list.chooseColumns')}
          </Text>
          {props.columns.map((c, i) => (
            <Checkbox
              key={c.id}
              label={c.label}
              // The first column links to the record, so it always stays.
              disabled={i === 0}
              checked={props.visibility[c.id] !== false}
              onChange={(e) =>
                props.onChange({ ...props.visibility, [c.id]: e.currentTarget.checked })
              }
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
