import { ActionIcon, Anchor, Group, Select, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { listContacts } from '../../../shared/contacts.api'
import { buyingRoles, type Deal } from '../../../shared/deals.schema'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'
import { contactLabel as nameOf } from '../contacts/contact-label'
import { useUpdateDeal } from './sales.queries'

type Link_ = { contactId: string; buyingRole: (typeof buyingRoles)[number] | null }

/** The people of the deal and their role in the purchase; the list is saved as a whole. */
export function DealContacts({ deal }: { deal: Deal }) {
  const { t } = useTranslation()
  const update = useUpdateDeal(deal.id)
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 200)
  const ids = deal.contacts.map((c) => c.contactId)
  const known = useQuery({
    queryKey: ['deal-contacts', ids],
    queryFn: () =>
      listContacts(api, {
        filter: { id: { in: ids.join(',') } },
        fields: 'id,firstName,lastName,erasedAt',
        limit: 100,
      }),
    enabled: ids.length > 0,
  })
  const found = useQuery({
    // Not 'contact-picker': ContactPicker caches options of another shape under that key.
    queryKey: ['deal-contact-search', q],
    queryFn: () =>
      listContacts(api, {
        q: q || undefined,
        fields: 'id,firstName,lastName,erasedAt',
        limit: 20,
      }),
  })
  const names = new Map((known.data?.data ?? []).map((c) => [c.id ?? '', nameOf(c)]))
  const save = (contacts: Link_[]) =>
    update.mutate({ contacts }, { onError: (e) => notifyError(e, t('common.error')) })
  const current = deal.contacts as Link_[]
  return (
    <Stack gap="xs">
      {current.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sales.deal.noContacts')}
        </Text>
      )}
      {current.map((c) => (
        <Group key={c.contactId} justify="space-between">
          <Anchor component={Link} to={`/contacts/${c.contactId}`} size="sm">
            {names.get(c.contactId) ?? '…'}
          </Anchor>
          <Group gap="xs">
            <Select
              size="xs"
              w={170}
              clearable
              aria-label={t('sales.deal.contacts')}
              data={buyingRoles.map((r) => ({ value: r, label: t(`sales.deal.roles.${r}`) }))}
              value={c.buyingRole}
              onChange={(v) =>
                save(
                  current.map((x) =>
                    x.contactId === c.contactId
                      ? { ...x, buyingRole: v as Link_['buyingRole'] }
                      : x,
                  ),
                )
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('common.delete')}
              onClick={() => save(current.filter((x) => x.contactId !== c.contactId))}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        </Group>
      ))}
      <Select
        searchable
        placeholder={t('common.search')}
        searchValue={search}
        onSearchChange={setSearch}
        data={(found.data?.data ?? [])
          .filter((c) => c.id && !ids.includes(c.id))
          .map((c) => ({ value: c.id ?? '', label: nameOf(c) || '?' }))}
        value={null}
        onChange={(v) => v && save([...current, { contactId: v, buyingRole: null }])}
        aria-label={t('sales.deal.contacts')}
      />
    </Stack>
  )
}
