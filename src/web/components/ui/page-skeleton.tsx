import { Skeleton, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Placeholder while a page or its data loads; announced once to screen readers. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation()
  return (
    <Stack p="md" gap="sm" aria-busy="true" aria-label={t('app.loading')}>
      <Skeleton height={32} width="40%" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={20} />
      ))}
    </Stack>
  )
}
