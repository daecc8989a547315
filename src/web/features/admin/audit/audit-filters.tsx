import { Button, Group, Select, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditFilter } from '../../../../shared/audit.schema'
import { useUsers } from '../../users/users.queries'

// Actions and object types the server writes; free text would also work, but a list is easier.
export const auditActions = [
  'create',
  'update',
  'delete',
  'restore',
  'read',
  'list',
  'export',
  'login',
  'logout',
  'accept-invitation',
  'reset-password',
  'revoke',
] as const
export const auditObjects = [
  'company',
  'contact',
  'activity',
  'tag',
  'custom_field',
  'user',
  'invitation',
  'team',
  'api-key',
  'workspace',
  'view',
  'audit-log',
] as const

type Draft = {
  action: string | null
  objectType: string | null
  actorUserId: string | null
  from: string
  to: string
}

function toFilter(d: Draft): AuditFilter {
  return {
    action: d.action ?? undefined,
    objectType: d.objectType ?? undefined,
    actorUserId: d.actorUserId ?? undefined,
    from: d.from ? new Date(d.from).toISOString() : undefined,
    to: d.to ? new Date(d.to).toISOString() : undefined,
  }
}

/** Action, object, user and time range; applied together with the button or Enter. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t, i18n } = useTranslation()
  const { users } = useUsers()
  const empty: Draft = { action: null, objectType: null, actorUserId: null, from: '', to: '' }
  const [draft, setDraft] = useState<Draft>(empty)
  const label = (group: 'actions' | 'objects', v: string) =>
    i18n.exists(`admin.audit.${group}.${v}`) ? t(`admin.audit.${group}.${v}`) : v
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        onApply(toFilter(draft))
      }}
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={t('admin.audit.action')}
          clearable
          data={auditActions.map((a) => ({ value: a, label: label('actions', a) }))}
          value={draft.action}
          onChange={(v) => setDraft({ ...draft, action: v })}
          w={170}
        />
        <Select
          label={t('admin.audit.object')}
          clearable
          data={auditObjects.map((o) => ({ value: o, label: label('objects', o) }))}
          value={draft.objectType}
          onChange={(v) => setDraft({ ...draft, objectType: v })}
          w={170}
        />
        <Select
          label={t('admin.audit.user')}
          clearable
          searchable
          data={users.map((u) => ({ value: u.id, label: u.name }))}
          value={draft.actorUserId}
          onChange={(v) => setDraft({ ...draft, actorUserId: v })}
          w={200}
        />
        <TextInput
          type="datetime-local"
          label={t('admin.audit.from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <TextInput
          type="datetime-local"
          label={t('admin.audit.to')}
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <Button type="submit">{t('admin.audit.apply')}</Button>
        <Button
          variant="subtle"
          color="gray"
          onClick={() => {
            setDraft(empty)
            onApply({})
          }}
        >
          {t('admin.audit.clear')}
        </Button>
      </Group>
    </form>
  )
}
