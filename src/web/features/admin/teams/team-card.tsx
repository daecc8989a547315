import { Button, Group, MultiSelect, Paper, Stack, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Team } from '../../../../shared/teams.schema'
import { notifyError } from '../../../lib/problems'
import { useUsers } from '../../users/users.queries'
import { ConfirmModal } from '../../../components/ui/confirm-modal'
import { useDeleteTeam, useRenameTeam, useSetTeamMembers } from './teams.queries'

/** A team with its name and members editable in place. */
export function TeamCard({ team }: { team: Team }) {
  const { t } = useTranslation()
  const { users } = useUsers()
  const rename = useRenameTeam()
  const setMembers = useSetTeamMembers()
  const remove = useDeleteTeam()
  const [name, setName] = useState(team.name)
  const [memberIds, setMemberIds] = useState(team.memberIds)
  const [isConfirming, setConfirming] = useState(false)
  const onError = (e: unknown) => notifyError(e, t('common.error'))
  const isDirty = name.trim() !== team.name || memberIds.join() !== team.memberIds.join()

  const save = async () => {
    try {
      if (name.trim() !== team.name) await rename.mutateAsync({ id: team.id, name: name.trim() })
      if (memberIds.join() !== team.memberIds.join())
        await setMembers.mutateAsync({ id: team.id, userIds: memberIds })
      notifications.show({ message: t('admin.teams.saved') })
    } catch (e) {
      onError(e)
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={team.name}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h5">
            {team.name}
          </Title>
          <TextInput
            label={t('admin.teams.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('admin.teams.members')}
            data={users.map((u) => ({ value: u.id, label: u.name }))}
            value={memberIds}
            onChange={(ids) => setMemberIds([...ids].sort())}
            searchable
            clearable
          />
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setConfirming(true)}
            >
              {t('admin.teams.delete')}
            </Button>
            <Button
              type="submit"
              disabled={!isDirty || !name.trim()}
              loading={rename.isPending || setMembers.isPending}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={isConfirming}
        title={t('admin.teams.delete')}
        message={t('admin.teams.deleteConfirm', { name: team.name })}
        confirmLabel={t('common.delete')}
        isBusy={remove.isPending}
        onConfirm={() =>
          remove.mutate(team.id, {
            onSuccess: () => notifications.show({ message: t('admin.teams.deleted') }),
            onError,
            onSettled: () => setConfirming(false),
          })
        }
        onClose={() => setConfirming(false)}
      />
    </Paper>
  )
}
