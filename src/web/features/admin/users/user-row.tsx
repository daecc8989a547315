import { ActionIcon, Menu, Select, Stack, Table, Text } from '@mantine/core'
import { IconDots } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Role, VisibilityScope } from '../../../../shared/permissions'
import type { User, UserUpdate } from '../../../../shared/users.schema'
import { formatDateTime } from '../../../lib/format'
import { roleOptions, scopeOptions } from './role-options'
import { StatusBadge } from './status-badge'

type Props = {
  user: User
  isMe: boolean
  onChange: (input: UserUpdate) => void
  onDeactivate: () => void
  onResetPassword: () => void
}

/** One member: role and scope change in place, the rest behind the actions menu. */
export function UserRow({ user, isMe, onChange, onDeactivate, onResetPassword }: Props) {
  const { t } = useTranslation()
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {user.name}
            {isMe && ` (${t('admin.users.you')})`}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t('admin.users.roleOf', { name: user.name })}
          size="xs"
          w={160}
          data={roleOptions(t)}
          value={user.role}
          allowDeselect={false}
          onChange={(v) => v && v !== user.role && onChange({ role: v as Role })}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t('admin.users.scopeOf', { name: user.name })}
          size="xs"
          w={160}
          data={scopeOptions(t)}
          value={user.scope}
          allowDeselect={false}
          onChange={(v) => v && v !== user.scope && onChange({ scope: v as VisibilityScope })}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{user.teams.map((tm) => tm.name).join(', ') || t('common.none')}</Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge isActive={user.isActive} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {user.lastSeenAt ? formatDateTime(user.lastSeenAt) : t('admin.users.never')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Menu withinPortal position="bottom-end">
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('admin.users.actionsOf', { name: user.name })}
            >
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={onResetPassword}>{t('admin.users.resetPassword')}</Menu.Item>
            {user.isActive ? (
              <Menu.Item color="red" disabled={isMe} onClick={onDeactivate}>
                {t('admin.users.deactivate')}
              </Menu.Item>
            ) : (
              <Menu.Item onClick={() => onChange({ isActive: true })}>
                {t('admin.users.activate')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  )
}
