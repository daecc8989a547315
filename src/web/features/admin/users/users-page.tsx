import { Button, Group, Paper, Stack, Table, Title, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '../../../../shared/users.schema'
import { ErrorState } from '../../../components/ui/error-state'
import { PageSkeleton } from '../../../components/ui/page-skeleton'
import { notifyError } from '../../../lib/problems'
import { useMe } from '../../auth/auth.queries'
import { ConfirmModal } from '../../../components/ui/confirm-modal'
import { SecretModal } from '../secret-modal'
import { InvitationsList } from './invitations-list'
import { InviteModal } from './invite-modal'
import { UserRow } from './user-row'
import { useResetPassword, useUpdateUser, useUserList } from './users-admin.queries'

type Secret = { kind: 'invite' | 'reset'; link: string; who: string }

export default function UsersPage() {
  const { t } = useTranslation()
  const me = useMe()
  const users = useUserList()
  const update = useUpdateUser()
  const reset = useResetPassword()
  const [isInviting, setInviting] = useState(false)
  const [secret, setSecret] = useState<Secret | null>(null)
  const [deactivating, setDeactivating] = useState<User | null>(null)

  const change = (user: User, input: Parameters<typeof update.mutate>[0]['input']) =>
    update.mutateAsync({ id: user.id, input }).then(
      () => notifications.show({ message: t('admin.users.changed', { name: user.name }) }),
      (error: unknown) => notifyError(error, t('common.error')),
    )
  const resetPassword = (user: User) =>
    reset.mutate(user.id, {
      onSuccess: (r) =>
        r.token &&
        setSecret({
          kind: 'reset',
          link: `${window.location.origin}/reset-password/${r.token}`,
          who: user.name,
        }),
      onError: (error) => notifyError(error, t('common.error')),
    })

  if (users.isPending) return <PageSkeleton />
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('admin.users.title')}
        </Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
          {t('admin.users.invite')}
        </Button>
      </Group>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.users.name')}</Table.Th>
                <Table.Th>{t('admin.users.role')}</Table.Th>
                <Table.Th>{t('admin.users.scope')}</Table.Th>
                <Table.Th>{t('admin.users.teams')}</Table.Th>
                <Table.Th>{t('admin.users.status')}</Table.Th>
                <Table.Th>{t('admin.users.lastSeen')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.data.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  isMe={u.id === me.data?.user.id}
                  onChange={(input) => void change(u, input)}
                  onDeactivate={() => setDeactivating(u)}
                  onResetPassword={() => resetPassword(u)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <InvitationsList />
      <InviteModal
        opened={isInviting}
        onClose={() => setInviting(false)}
        onInvited={(link, email) => setSecret({ kind: 'invite', link, who: email })}
      />
      <SecretModal
        value={secret?.link ?? null}
        title={
          secret?.kind === 'reset'
            ? t('admin.users.resetLinkTitle')
            : t('admin.users.inviteLinkTitle')
        }
        label={t('admin.users.link')}
        hint={
          secret?.kind === 'reset'
            ? t('admin.users.resetLinkHint', { name: secret.who })
            : t('admin.users.inviteLinkHint', { email: secret?.who ?? '' })
        }
        onClose={() => setSecret(null)}
      />
      <ConfirmModal
        opened={deactivating !== null}
        title={t('admin.users.deactivate')}
        message={t('admin.users.deactivateConfirm', { name: deactivating?.name ?? '' })}
        confirmLabel={t('admin.users.deactivate')}
        isBusy={update.isPending}
        onConfirm={() => {
          if (deactivating)
            void change(deactivating, { isActive: false }).then(() => setDeactivating(null))
        }}
        onClose={() => setDeactivating(null)}
      />
    </Stack>
  )
}
