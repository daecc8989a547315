import { Badge, Group } from '@mantine/core'
import type { TFunction } from 'i18next'
import { companySizes } from '../../../shared/companies.schema'
import type { Company } from '../../../shared/companies.schema'
import { lifecycleStages, tiers } from '../../../shared/common.schema'
import type { User } from '../../../shared/users.schema'
import type { ColumnSpec } from '../../components/record-list/list-types'
import { formatDate } from '../../lib/format'

export type CompanyRow = Partial<Company> & { id?: string }

const options = (values: readonly string[], label = (v: string) => v) =>
  values.map((value) => ({ value, label: label(value) }))

export function companyColumns(t: TFunction, users: Map<string, User>): ColumnSpec<CompanyRow>[] {
  const stageLabel = (v: string) => t(`stages.${v}`)
  return [
    {
      id: 'name',
      label: t('fields.name'),
      value: (r) => r.name,
      isSortable: true,
      width: 200,
      filter: { type: 'text' },
    },
    {
      id: 'businessId',
      label: t('fields.businessId'),
      value: (r) => r.businessId,
      isSortable: true,
      width: 110,
      filter: { type: 'text' },
    },
    {
      id: 'domain',
      label: t('fields.domain'),
      value: (r) => r.domain,
      isSortable: true,
      filter: { type: 'text' },
      isHiddenByDefault: true,
    },
    {
      id: 'industry',
      label: t('fields.industry'),
      value: (r) => r.industry,
      isSortable: true,
      filter: { type: 'text' },
    },
    {
      id: 'city',
      label: t('fields.city'),
      value: (r) => r.addresses?.[0]?.city,
      isSortable: true,
      filter: { type: 'text' },
    },
    {
      id: 'lifecycleStage',
      label: t('fields.lifecycleStage'),
      value: (r) => (r.lifecycleStage ? stageLabel(r.lifecycleStage) : ''),
      isSortable: true,
      filter: { type: 'select', options: options(lifecycleStages, stageLabel) },
    },
    {
      id: 'tier',
      label: t('fields.tier'),
      value: (r) => r.tier,
      isSortable: true,
      width: 90,
      filter: { type: 'select', options: options(tiers) },
      isHiddenByDefault: true,
    },
    {
      id: 'size',
      label: t('fields.size'),
      value: (r) => r.size,
      isSortable: true,
      width: 100,
      isHiddenByDefault: true,
      filter: { type: 'select', options: options(companySizes) },
    },
    {
      id: 'ownerId',
      label: t('fields.owner'),
      value: (r) => (r.ownerId ? (users.get(r.ownerId)?.name ?? '') : ''),
      filter: {
        type: 'select',
        options: [...users.values()].map((u) => ({ value: u.id, label: u.name })),
      },
    },
    {
      id: 'tags',
      label: t('fields.tags'),
      value: (r) => r.tags?.map((tg) => tg.name).join(', '),
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.tags?.map((tg) => (
            <Badge key={tg.id} size="sm" variant="light" color={tg.color ?? undefined}>
              {tg.name}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      id: 'createdAt',
      label: t('fields.createdAt'),
      value: (r) => formatDate(r.createdAt),
      isSortable: true,
      isHiddenByDefault: true,
      filter: { type: 'date' },
    },
    {
      id: 'updatedAt',
      label: t('fields.updatedAt'),
      value: (r) => formatDate(r.updatedAt),
      isSortable: true,
      filter: { type: 'date' },
      isHiddenByDefault: true,
    },
  ]
}
