import { Button, Kbd } from '@mantine/core'
import { spotlight } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export function SearchButton() {
  const { t } = useTranslation()
  return (
    <Button
      variant="default"
      leftSection={<IconSearch size={16} />}
      rightSection={<Kbd size="xs">Ctrl K</Kbd>}
      onClick={() => spotlight.open()}
      title={t('search.shortcut')}
      visibleFrom="xs"
    >
      {t('common.search')}
    </Button>
  )
}
