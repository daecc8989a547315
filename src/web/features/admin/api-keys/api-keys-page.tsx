import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconKey, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiKey } from '../../../../shared/api-keys.schema'
import { EmptyHint } from '../../../components/ui/empty-hint'
import { ErrorState } from '../../../components/ui/error-state'
import { PageSkeleton } from '../../../components/ui/page-skeleton'
import { formatDate, formatDateTime } from '../../../lib/format'
import { notifyError } from '../../../lib/problems'
import { ConfirmModal } from '../../../components/ui/confirm-modal'
import { SecretModal } from '../secret-modal'
import { ApiKeyCreateModal } from './api-key-create-modal'
import { useApiKeys, useRevokeApiKey } from './api-keys.queries'

function status(key: ApiKey): 'revoked' | 'expired' | 'active' {
  if (key.revokedAt) return 'revoked'
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return 'expired'
  return 'active'
}

export default function ApiKeysPage() {
  const { t } = useTranslation()
  const keys = useApiKeys()
  const revoke = useRevokeApiKey()
  const [isCreating, setCreating] = useState(false)
  const [newKey, setNewKey] = useState<string | null>(null)
  const [revoking, setRevoking] = useState<ApiKey | null>(null)

  if (keys.isPending) return <PageSkeleton />
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('admin.apiKeys.new')}
    </Button>
  )
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('admin.apiKeys.title')}
        </Title>
        {createButton}
      </Group>
      {keys.data.data.length === 0 ? (
        <EmptyHint
          icon={<IconKey />}
          title={t('admin.apiKeys.emptyTitle')}
          hint={t('admin.apiKeys.emptyHint')}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.apiKeys.name')}</Table.Th>
                  <Table.Th>{t('admin.apiKeys.prefix')}</Table.Th>
                  <Table.Th>{t('admin.apiKeys.scopes')}</Table.Th>
                  <Table.Th>{t('admin.apiKeys.lastUsed')}</Table.Th>
                  <Table.Th>{t('admin.apiKeys.expiresAt')}</Table.Th>
                  <Table.Th>{t('admin.apiKeys.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.data.map((key) => {
                  const s = status(key)
                  return (
                    <Table.Tr key={key.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {key.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('admin.apiKeys.createdAt', { date: formatDateTime(key.createdAt) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{key.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{key.scopes.join(', ')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('admin.users.never')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {key.expiresAt ? formatDate(key.expiresAt) : t('admin.apiKeys.noExpiry')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={s === 'active' ? 'teal' : 'gray'}>
                          {t(`admin.apiKeys.${s}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {s !== 'revoked' && (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            aria-label={t('admin.apiKeys.revokeOf', { name: key.name })}
                            onClick={() => setRevoking(key)}
                          >
                            {t('admin.apiKeys.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ApiKeyCreateModal
        opened={isCreating}
        onClose={() => setCreating(false)}
        onCreated={setNewKey}
      />
      <SecretModal
        value={newKey}
        title={t('admin.apiKeys.keyTitle')}
        label={t('admin.apiKeys.key')}
        hint={t('admin.apiKeys.keyHint')}
        onClose={() => setNewKey(null)}
      />
      <ConfirmModal
        opened={revoking !== null}
        title={t('admin.apiKeys.revoke')}
        message={t('admin.apiKeys.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('admin.apiKeys.revoke')}
        isBusy={revoke.isPending}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => notifications.show({ message: t('admin.apiKeys.revokedNotice') }),
            onError: (e) => notifyError(e, t('common.error')),
            onSettled: () => setRevoking(null),
          })
        }
        onClose={() => setRevoking(null)}
      />
    </Stack>
  )
}
