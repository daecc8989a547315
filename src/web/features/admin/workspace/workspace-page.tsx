import { Button, Paper, Select, Stack, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/errors'
import { getWorkspace, updateWorkspace } from '../../../../shared/workspaces.api'
import {
  currencies,
  type Workspace,
  type WorkspaceUpdate,
} from '../../../../shared/workspaces.schema'
import { ErrorState } from '../../../components/ui/error-state'
import { PageSkeleton } from '../../../components/ui/page-skeleton'
import { api } from '../../../lib/api'
import { notifyError } from '../../../lib/problems'
import { meKey } from '../../auth/auth.queries'

export default function WorkspacePage() {
  const workspace = useQuery({ queryKey: ['workspace'], queryFn: () => getWorkspace(api) })
  if (workspace.isPending) return <PageSkeleton />
  if (workspace.isError)
    return <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
  return <WorkspaceForm workspace={workspace.data} />
}

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [draft, setDraft] = useState<Required<WorkspaceUpdate>>({
    name: workspace.name,
    currency: workspace.currency as (typeof currencies)[number],
    timeZone: workspace.timeZone,
    language: workspace.language,
  })
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), [])
  const save = useMutation({
    mutationFn: (input: WorkspaceUpdate) => updateWorkspace(api, input),
    onSuccess: (w) => {
      qc.setQueryData(['workspace'], w)
      // The header and formats read the workspace from /me.
      void qc.invalidateQueries({ queryKey: meKey })
      notifications.show({ message: t('admin.workspace.saved') })
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.problem.errors?.length)) notifyError(e, t('common.error'))
    },
  })
  const issues = save.error instanceof ApiError ? (save.error.problem.errors ?? []) : []
  const errorAt = (path: string) => issues.find((e) => e.path === path)?.message

  return (
    <Paper withBorder p="md" maw={520}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate(draft)
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3">
            {t('admin.workspace.title')}
          </Title>
          <TextInput
            label={t('admin.workspace.name')}
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={errorAt('name')}
          />
          <Select
            label={t('admin.workspace.currency')}
            data={[...currencies]}
            value={draft.currency}
            allowDeselect={false}
            onChange={(v) =>
              v && setDraft({ ...draft, currency: v as (typeof currencies)[number] })
            }
            error={errorAt('currency')}
          />
          <Select
            label={t('admin.workspace.timeZone')}
            data={timeZones}
            searchable
            value={draft.timeZone}
            allowDeselect={false}
            onChange={(v) => v && setDraft({ ...draft, timeZone: v })}
            error={errorAt('timeZone')}
          />
          <Select
            label={t('admin.workspace.language')}
            description={t('admin.workspace.languageHint')}
            data={[
              { value: 'fi', label: t('languages.fi') },
              { value: 'en', label: t('languages.en') },
            ]}
            value={draft.language}
            allowDeselect={false}
            onChange={(v) => setDraft({ ...draft, language: v === 'en' ? 'en' : 'fi' })}
            error={errorAt('language')}
          />
          <Button type="submit" w="fit-content" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
