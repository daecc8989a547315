import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Product } from '../../../shared/products.schema'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { formatMoney } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useProducts, useSaveProduct } from './sales.queries'

type Draft = {
  id?: string
  name: string
  sku: string
  unitPrice: number | string
  vatRate: number | string
  isActive: boolean
}
const empty: Draft = { name: '', sku: '', unitPrice: '', vatRate: 25.5, isActive: true }

/** The product catalogue: name, SKU, unit price and VAT (25.5 % by default). */
export default function ProductsPage() {
  const { t } = useTranslation()
  const products = useProducts()
  const save = useSaveProduct()
  const [draft, setDraft] = useState<Draft>(empty)
  if (products.isPending) return <PageSkeleton />
  if (products.isError) return <ErrorState error={products.error} />
  const edit = (p: Product) =>
    setDraft({
      id: p.id,
      name: p.name,
      sku: p.sku ?? '',
      unitPrice: p.unitPrice / 100,
      vatRate: p.vatRate,
      isActive: p.isActive,
    })
  const submit = () =>
    save.mutate(
      {
        id: draft.id,
        input: {
          name: draft.name,
          sku: draft.sku || null,
          unitPrice: Math.round(Number(draft.unitPrice || 0) * 100),
          vatRate: Number(draft.vatRate),
          isActive: draft.isActive,
        },
      },
      { onSuccess: () => setDraft(empty), onError: (e) => notifyError(e, t('common.error')) },
    )
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('sales.products.title')}
      </Title>
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
          <TextInput
            label={t('sales.products.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            required
          />
          <TextInput
            label={t('sales.products.sku')}
            value={draft.sku}
            onChange={(e) => setDraft({ ...draft, sku: e.currentTarget.value })}
            w={140}
          />
          <NumberInput
            label={t('sales.products.unitPrice')}
            value={draft.unitPrice}
            onChange={(v) => setDraft({ ...draft, unitPrice: v })}
            min={0}
            decimalScale={2}
            w={140}
          />
          <NumberInput
            label={t('sales.products.vatRate')}
            value={draft.vatRate}
            onChange={(v) => setDraft({ ...draft, vatRate: v })}
            min={0}
            max={100}
            decimalScale={2}
            w={100}
          />
          <Switch
            label={t('sales.products.active')}
            checked={draft.isActive}
            onChange={(e) => setDraft({ ...draft, isActive: e.currentTarget.checked })}
          />
          <Button type="submit" loading={save.isPending} disabled={!draft.name.trim()}>
            {draft.id ? t('sales.products.save') : t('sales.products.new')}
          </Button>
          {draft.id && (
            <Button variant="default" onClick={() => setDraft(empty)}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Paper>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sales.products.name')}</Table.Th>
            <Table.Th>{t('sales.products.sku')}</Table.Th>
            <Table.Th>{t('sales.products.unitPrice')}</Table.Th>
            <Table.Th>{t('sales.products.vatRate')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.data.map((p) => (
            <Table.Tr key={p.id} onClick={() => edit(p)} style={{ cursor: 'pointer' }}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.sku}</Table.Td>
              <Table.Td>{formatMoney(p.unitPrice, p.currency)}</Table.Td>
              <Table.Td>{p.vatRate} %</Table.Td>
              <Table.Td>
                {!p.isActive && <Badge color="gray">{t('sales.products.inactive')}</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
