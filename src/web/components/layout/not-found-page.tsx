import { Button } from '@mantine/core'
import { IconMapOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyHint } from '../ui/empty-hint'

export default function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <EmptyHint
      icon={<IconMapOff />}
      title={t('common.notFound')}
      hint=""
      action={
        <Button component={Link} to="/">
          {t('common.backHome')}
        </Button>
      }
    />
  )
}
