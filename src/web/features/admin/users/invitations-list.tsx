import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../lib/format'
import { notifyError } from '../../../lib/problems'
import { useInvitations, useRevokeInvitation } from './users-admin.queries'

/** Invitations not yet accepted; an admin may withdraw one before it is used. */
export function InvitationsList() {
  const { t } = useTranslation()
  const invitations = useInvitations()
  const revoke = useRevokeInvitation()
  const rows = invitations.data?.data ?? []
  return (
    <Stack gap="xs" component="section" aria-label={t('admin.users.invitations')}>
      <Title order={3} size="h4">
        {t('admin.users.invitations')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.users.noInvitations')}
        </Text>
      ) : (
        rows.map((inv) => (
          <Paper key={inv.id} withBorder p="xs">
            <Group justify="space-between">
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {inv.email}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`admin.roles.${inv.role}`)} ·{' '}
                  {t('admin.users.expires', { date: formatDateTime(inv.expiresAt) })}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="light"
                color="red"
                aria-label={t('admin.users.withdrawOf', { email: inv.email })}
                loading={revoke.isPending && revoke.variables === inv.id}
                onClick={() =>
                  revoke.mutate(inv.id, {
                    onSuccess: () => notifications.show({ message: t('admin.users.withdrawn') }),
                    onError: (e) => notifyError(e, t('common.error')),
                  })
                }
              >
                {t('admin.users.withdraw')}
              </Button>
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  )
}
