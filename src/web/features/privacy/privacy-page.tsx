import { Stack, Tabs, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PurposesTab } from './purposes-tab'
import { RecordsTab } from './records-tab'
import { RequestsTab } from './requests-tab'
import { RetentionTab } from './retention-tab'

const tabs = ['purposes', 'requests', 'retention', 'records'] as const
type Tab = (typeof tabs)[number]

/** Data protection: purposes, data subject requests, retention and the records of processing. */
export default function PrivacyPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'purposes'
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('privacy.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })}>
        <Tabs.List aria-label={t('privacy.title')}>
          {tabs.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`privacy.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === 'purposes' && <PurposesTab />}
      {tab === 'requests' && <RequestsTab />}
      {tab === 'retention' && <RetentionTab />}
      {tab === 'records' && <RecordsTab />}
    </Stack>
  )
}
