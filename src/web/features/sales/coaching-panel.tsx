import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { getCoaching } from '../../../shared/sales.api'
import { api } from '../../lib/api'
import { useUsers } from '../users/users.queries'

/** The manager's view: who is under target this week, and deals that need a push. */
export function CoachingPanel() {
  const { t } = useTranslation()
  const { byId } = useUsers()
  const coaching = useQuery({ queryKey: ['coaching'], queryFn: () => getCoaching(api) })
  const c = coaching.data
  const none = (
    <Text size="sm" c="dimmed">
      {t('sales.forecast.allGood')}
    </Text>
  )
  return (
    <Paper withBorder p="md" component="section" aria-label={t('sales.forecast.coaching')}>
      <Title order={2} size="h4" mb="sm">
        {t('sales.forecast.coaching')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stack gap={4}>
          <Text fw={600}>{t('sales.forecast.underTarget')}</Text>
          {c?.repsUnderTarget.length ? (
            <List size="sm">
              {c.repsUnderTarget.map((r) => (
                <List.Item key={r.userId}>
                  {r.name}:{' '}
                  {r.missing
                    .map((m) => `${t(`sales.forecast.${m.kind}`)} ${m.done}/${m.target}`)
                    .join(', ')}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>{t('sales.forecast.noNextStep')}</Text>
          {c?.dealsWithoutNextStep.length ? (
            <List size="sm">
              {c.dealsWithoutNextStep.slice(0, 20).map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/deals/${d.id}`}>
                    {d.title}
                  </Anchor>{' '}
                  · {d.stageName}
                  {d.ownerId ? ` · ${byId.get(d.ownerId)?.name ?? ''}` : ''}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>{t('sales.forecast.rottingDeals')}</Text>
          {c?.rottingDeals.length ? (
            <List size="sm">
              {c.rottingDeals.slice(0, 20).map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/deals/${d.id}`}>
                    {d.title}
                  </Anchor>{' '}
                  · {t('sales.forecast.idleDays', { days: d.idleDays })}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  )
}
