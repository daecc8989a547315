import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function StatusBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation()
  return (
    <Badge color={isActive ? 'teal' : 'gray'} variant="dot">
      {isActive ? t('admin.users.active') : t('admin.users.inactive')}
    </Badge>
  )
}
