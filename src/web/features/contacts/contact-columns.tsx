import { Badge, Group } from '@mantine/core'
import type { TFunction } from 'i18next'
import { lifecycleStages } from '../../../shared/common.schema'
import type { Contact } from '../../../shared/contacts.schema'
import type { User } from '../../../shared/users.schema'
import type { ColumnSpec } from '../../components/record-list/list-types'
import { formatDate } from '../../lib/format'
import { contactLabel } from './contact-label'

export type ContactRow = Partial<Contact> & { id?: string }

export function contactColumns(t: TFunction, users: Map<string, User>): ColumnSpec<ContactRow>[] {
  const stageLabel = (v: string) => t(`stages.${v}`)
  const primaryCompany = (r: ContactRow) =>
    (r.companies?.find((c) => c.isPrimary) ?? r.companies?.[0])?.name
  return [
    {
      id: 'lastName',
      label: t('fields.name'),
      value: (r) => contactLabel(r),
      isSortable: true,
      width: 180,
      filter: { type: 'text' },
    },
    {
      id: 'firstName',
      label: t('fields.firstName'),
      value: (r) => r.firstName,
      isSortable: true,
      isHiddenByDefault: true,
      filter: { type: 'text' },
    },
    {
      id: 'email',
      label: t('fields.email'),
      value: (r) => r.emails?.[0]?.address,
      width: 200,
      filter: { type: 'text' },
    },
    {
      id: 'phone',
      label: t('fields.phone'),
      value: (r) => r.phones?.[0]?.number,
      filter: { type: 'text' },
    },
    {
      id: 'title',
      label: t('fields.title'),
      value: (r) => r.title,
      isSortable: true,
      filter: { type: 'text' },
    },
    { id: 'company', label: t('fields.company'), value: primaryCompany },
    {
      id: 'city',
      label: t('fields.city'),
      value: (r) => r.address?.city,
      isSortable: true,
      isHiddenByDefault: true,
      filter: { type: 'text' },
    },
    {
      id: 'lifecycleStage',
      label: t('fields.lifecycleStage'),
      value: (r) => (r.lifecycleStage ? stageLabel(r.lifecycleStage) : ''),
      isSortable: true,
      filter: {
        type: 'select',
        options: lifecycleStages.map((s) => ({ value: s, label: stageLabel(s) })),
      },
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
      isHiddenByDefault: true,
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
