import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { lineAmounts, totalsOf } from '../../../shared/line-totals'
import type { LineInputBody } from '../../../shared/products.schema'
import { getDealLines } from '../../../shared/sales.api'
import { api } from '../../lib/api'
import { formatMoney } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useDealPart, useProducts, useReplaceLines } from './sales.queries'

type Row = {
  productId: string | null
  name: string
  quantity: number
  unitPrice: number
  discountPercent: number
  vatRate: number
}

/** Product lines of a deal, edited locally with live totals, saved as a whole. */
export function DealLines({ dealId, currency }: { dealId: string; currency: string }) {
  const { t } = useTranslation()
  const lines = useDealPart(dealId, 'lines', () => getDealLines(api, dealId))
  const products = useProducts()
  const save = useReplaceLines(dealId)
  const [rows, setRows] = useState<Row[]>([])
  useEffect(() => {
    if (lines.data)
      setRows(lines.data.lines.map(({ id: _i, net: _n, vat: _v, gross: _g, ...r }) => r))
  }, [lines.data])
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const pick = (i: number, productId: string | null) => {
    const p = products.data?.find((x) => x.id === productId)
    set(
      i,
      p
        ? { productId: p.id, name: p.name, unitPrice: p.unitPrice, vatRate: p.vatRate }
        : { productId: null },
    )
  }
  const totals = totalsOf(rows)
  const money = (n: number) => formatMoney(n, currency)
  const body: LineInputBody[] = rows.map((r) => ({ ...r, productId: r.productId ?? undefined }))
  return (
    <Stack gap="xs">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sales.lines.product')}</Table.Th>
            <Table.Th>{t('sales.lines.qty')}</Table.Th>
            <Table.Th>{t('sales.lines.unitPrice')}</Table.Th>
            <Table.Th>{t('sales.lines.discount')}</Table.Th>
            <Table.Th>{t('sales.lines.vat')}</Table.Th>
            <Table.Th>{t('sales.lines.net')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Select
                  size="xs"
                  searchable
                  clearable
                  data={(products.data ?? [])
                    .filter((p) => p.isActive || p.id === r.productId)
                    .map((p) => ({ value: p.id, label: p.name }))}
                  value={r.productId}
                  onChange={(v) => pick(i, v)}
                  aria-label={t('sales.lines.product')}
                />
                <TextInput
                  size="xs"
                  value={r.name}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                  aria-label={t('sales.lines.name')}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={70}
                  min={0.001}
                  value={r.quantity}
                  onChange={(v) => set(i, { quantity: Number(v) })}
                  aria-label={t('sales.lines.qty')}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={100}
                  min={0}
                  decimalScale={2}
                  value={r.unitPrice / 100}
                  onChange={(v) => set(i, { unitPrice: Math.round(Number(v) * 100) })}
                  aria-label={t('sales.lines.unitPrice')}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={70}
                  min={0}
                  max={100}
                  value={r.discountPercent}
                  onChange={(v) => set(i, { discountPercent: Number(v) })}
                  aria-label={t('sales.lines.discount')}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={70}
                  min={0}
                  max={100}
                  value={r.vatRate}
                  onChange={(v) => set(i, { vatRate: Number(v) })}
                  aria-label={t('sales.lines.vat')}
                />
              </Table.Td>
              <Table.Td>{money(lineAmounts(r).net)}</Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('common.delete')}
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        {t('sales.lines.totals', {
          net: money(totals.net),
          vat: money(totals.vat),
          gross: money(totals.gross),
        })}
      </Text>
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                productId: null,
                name: '',
                quantity: 1,
                unitPrice: 0,
                discountPercent: 0,
                vatRate: 25.5,
              },
            ])
          }
        >
          {t('sales.lines.add')}
        </Button>
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() => save.mutate(body, { onError: (e) => notifyError(e, t('common.error')) })}
        >
          {t('sales.lines.save')}
        </Button>
      </Group>
    </Stack>
  )
}
