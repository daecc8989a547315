import { Button, Group } from '@mantine/core'
import { IconCalendarEvent, IconChecklist, IconNote, IconPhone } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActivityType } from '../../../shared/activities.schema'
import { ActivityModal } from './activity-modal'

export function QuickActions({ target }: { target: { companyId?: string; contactId?: string } }) {
  const { t } = useTranslation()
  const [type, setType] = useState<ActivityType | null>(null)
  const actions = [
    { type: 'call', label: t('activities.logCall'), icon: IconPhone },
    { type: 'meeting', label: t('activities.logMeeting'), icon: IconCalendarEvent },
    { type: 'note', label: t('activities.addNote'), icon: IconNote },
    { type: 'task', label: t('activities.createTask'), icon: IconChecklist },
  ] as const
  return (
    <>
      <Group gap="xs">
        {actions.map(({ type: at, label, icon: Icon }) => (
          <Button
            key={at}
            size="xs"
            variant="light"
            leftSection={<Icon size={14} />}
            onClick={() => setType(at)}
          >
            {label}
          </Button>
        ))}
      </Group>
      {/* A new key per opening gives a fresh form with the current time. */}
      <ActivityModal
        key={type ?? 'closed'}
        type={type}
        target={target}
        onClose={() => setType(null)}
      />
    </>
  )
}
