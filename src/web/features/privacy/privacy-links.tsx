import {
  ActionIcon,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrivacyLinkListItem } from '../../../shared/privacy.schema'
import { formatDate, formatDateTime } from '../../lib/format'
import { errorMessage, notifyError } from '../../lib/problems'
import { useCan } from '../admin/use-can'
import { usePrivacyLinkMutations, usePrivacyLinks } from './privacy.queries'

const k = 'privacy.links'

type LinkState = 'revoked' | 'used' | 'expired' | 'opened' | 'open'

function stateOf(l: PrivacyLinkListItem, now: number): LinkState {
  if (l.revokedAt) return 'revoked'
  if (l.kind === 'confirm_consent' && l.usedAt) return 'used'
  if (new Date(l.expiresAt).getTime() <= now) return 'expired'
  return l.usedAt ? 'opened' : 'open'
}
const stateColor = { revoked: 'red', used: 'gray', expired: 'gray', opened: 'teal', open: 'blue' }

/**
 * Signed links to the person's own pages: make or email a preference-centre link, see whether
 * the person has opened it, revoke it. The URL is shown once, right after it is made.
 */
export function PrivacyLinks({ contactId }: { contactId: string }) {
  const { t } = useTranslation()
  const canCreate = useCan('consents', 'create')
  const canRevoke = useCan('consents', 'update')
  const links = usePrivacyLinks(contactId, canCreate)
  const m = usePrivacyLinkMutations(contactId)
  const [made, setMade] = useState<string | null>(null)
  if (!canCreate) return null

  const make = (send: boolean) =>
    m.create.mutate(send, {
      onSuccess: (link) => {
        if (link.sentTo) notifications.show({ message: t(`${k}.sent`, { to: link.sentTo }) })
        else setMade(link.url)
      },
      onError: (e) => notifyError(e, t('common.error')),
    })
  const revoke = (id: string) =>
    m.revoke.mutate(id, {
      onSuccess: () => notifications.show({ message: t(`${k}.revoked`) }),
      onError: (e) => notifyError(e, t('common.error')),
    })
  const now = Date.now()
  const rows = links.data?.data ?? []

  return (
    <Stack gap="xs" mt="md">
      <Text size="sm" fw={500}>
        {t(`${k}.title`)}
      </Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          loading={m.create.isPending && m.create.variables === false}
          onClick={() => make(false)}
        >
          {t(`${k}.make`)}
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={m.create.isPending && m.create.variables === true}
          onClick={() => make(true)}
        >
          {t(`${k}.send`)}
        </Button>
      </Group>
      {made && (
        <Stack gap={4}>
          <Text size="xs" id={`made-link-${contactId}`}>
            {t(`${k}.copyHint`)}
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'normal' }}>
              {made}
            </Code>
            <CopyButton value={made}>
              {({ copied, copy }) => (
                <Tooltip label={t(copied ? `${k}.copied` : `${k}.copy`)}>
                  <ActionIcon
                    variant="light"
                    onClick={copy}
                    aria-label={t(`${k}.copy`)}
                    aria-describedby={`made-link-${contactId}`}
                  >
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Stack>
      )}
      {links.isError ? (
        <Text size="xs" c="red" role="alert">
          {errorMessage(links.error, t('common.error'))}
        </Text>
      ) : rows.length === 0 ? (
        !links.isPending && (
          <Text size="xs" c="dimmed">
            {t(`${k}.empty`)}
          </Text>
        )
      ) : (
        <Table fz="xs" aria-label={t(`${k}.title`)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${k}.created`)}</Table.Th>
              <Table.Th>{t(`${k}.kind`)}</Table.Th>
              <Table.Th>{t(`${k}.state`)}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t(`${k}.actions`)}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => {
              const state = stateOf(l, now)
              const isOpen = state === 'open' || state === 'opened'
              return (
                <Table.Tr key={l.id} data-link-state={state}>
                  <Table.Td>{formatDate(l.createdAt)}</Table.Td>
                  <Table.Td>{t(`${k}.kinds.${l.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={stateColor[state]}>
                      {t(`${k}.states.${state}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {state === 'revoked'
                        ? formatDateTime(l.revokedAt)
                        : state === 'used' || state === 'opened'
                          ? formatDateTime(l.usedAt)
                          : t(`${k}.expires`, { date: formatDate(l.expiresAt) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canRevoke && isOpen && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={m.revoke.isPending && m.revoke.variables === l.id}
                        onClick={() => revoke(l.id)}
                      >
                        {t(`${k}.revoke`)}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
