import { Button, Group, Stack, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus, IconUsersGroup } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyHint } from '../../../components/ui/empty-hint'
import { ErrorState } from '../../../components/ui/error-state'
import { PageSkeleton } from '../../../components/ui/page-skeleton'
import { errorMessage } from '../../../lib/problems'
import { TeamCard } from './team-card'
import { useCreateTeam, useTeams } from './teams.queries'

export default function TeamsPage() {
  const { t } = useTranslation()
  const teams = useTeams()
  const create = useCreateTeam()
  const [name, setName] = useState('')

  const submit = () =>
    create.mutate(name, {
      onSuccess: () => {
        setName('')
        notifications.show({ message: t('admin.teams.created') })
      },
    })

  if (teams.isPending) return <PageSkeleton />
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.teams.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Group align="flex-start">
          <TextInput
            label={t('admin.teams.newName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={create.error ? errorMessage(create.error, t('common.error')) : undefined}
            w={320}
          />
          <Button
            type="submit"
            mt={25}
            leftSection={<IconPlus size={16} />}
            loading={create.isPending}
            disabled={!name.trim()}
          >
            {t('admin.teams.create')}
          </Button>
        </Group>
      </form>
      {teams.data.data.length === 0 ? (
        <EmptyHint
          icon={<IconUsersGroup />}
          title={t('admin.teams.emptyTitle')}
          hint={t('admin.teams.emptyHint')}
        />
      ) : (
        teams.data.data.map((team) => <TeamCard key={team.id} team={team} />)
      )}
    </Stack>
  )
}
