import { ActionIcon, Badge, Button, Group, Popover, Select, Stack } from '@mantine/core'
import { IconFilter, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FilterOp } from '../../../shared/common.schema'
import { FilterValueInput } from './filter-value-input'
import type { ColumnSpec, FilterRow, Row } from './list-types'

// Dropdowns stay inside the popover: a portalled one would count as a click outside and close it.
const inPopover = { withinPortal: false }

const opsByType: Record<string, FilterOp[]> = {
  text: ['contains', 'eq', 'neq', 'empty'],
  select: ['eq', 'neq', 'in', 'empty'],
  number: ['eq', 'gt', 'gte', 'lt', 'lte', 'empty'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'empty'],
}

/** Field + condition + value rows, sent as filter[field][op]=value. */
export function FilterBuilder<T extends Row>(props: {
  columns: ColumnSpec<T>[]
  filters: FilterRow[]
  onApply: (filters: FilterRow[]) => void
}) {
  const { t } = useTranslation()
  const [isOpen, setOpen] = useState(false)
  const [draft, setDraft] = useState<FilterRow[]>(props.filters)
  const filterable = props.columns.filter((c) => c.filter)
  const specOf = (field: string) => filterable.find((c) => c.id === field)
  const update = (i: number, patch: Partial<FilterRow>) =>
    setDraft(draft.map((f, j) => (j === i ? { ...f, ...patch } : f)))

  const open = () => {
    setDraft(props.filters.length ? props.filters : [{ field: '', op: 'contains', value: '' }])
    setOpen(true)
  }
  const apply = (rows: FilterRow[]) => {
    props.onApply(rows.filter((f) => f.field && (f.value || f.op === 'empty')))
    setOpen(false)
  }

  return (
    <Popover
      opened={isOpen}
      onChange={setOpen}
      position="bottom-start"
      withinPortal
      trapFocus
      width={560}
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconFilter size={16} />}
          rightSection={
            props.filters.length ? <Badge size="sm">{props.filters.length}</Badge> : null
          }
          onClick={() => (isOpen ? setOpen(false) : open())}
        >
          {t('list.filters')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          {draft.map((f, i) => {
            const spec = specOf(f.field)
            const ops = opsByType[spec?.filter?.type ?? 'text'] ?? []
            return (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
                <Select
                  comboboxProps={inPopover}
                  aria-label={t('list.field')}
                  placeholder={t('list.field')}
                  data={filterable.map((c) => ({ value: c.id, label: c.label }))}
                  value={f.field || null}
                  onChange={(v) =>
                    update(i, {
                      field: v ?? '',
                      op: opsByType[specOf(v ?? '')?.filter?.type ?? 'text']?.[0] ?? 'eq',
                      value: '',
                    })
                  }
                  searchable
                  w={180}
                />
                <Select
                  comboboxProps={inPopover}
                  aria-label={t('list.operator')}
                  data={ops.map((op) => ({ value: op, label: t(`ops.${op}`) }))}
                  value={f.op}
                  onChange={(v) => update(i, { op: (v ?? 'eq') as FilterOp })}
                  w={150}
                />
                <FilterValueInput
                  row={f}
                  spec={spec}
                  onChange={(value) => update(i, { value })}
                  onEnter={() => apply(draft)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={t('list.removeFilter')}
                  onClick={() => setDraft(draft.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            )
          })}
          <Group justify="space-between">
            <Group gap="xs">
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setDraft([...draft, { field: '', op: 'contains', value: '' }])}
              >
                {t('list.addFilter')}
              </Button>
              <Button variant="subtle" size="xs" color="gray" onClick={() => apply([])}>
                {t('list.clearFilters')}
              </Button>
            </Group>
            <Button size="xs" onClick={() => apply(draft)}>
              {t('list.apply')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
