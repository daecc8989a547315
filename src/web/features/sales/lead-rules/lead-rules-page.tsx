import { Anchor, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCan } from '../../admin/use-can'
import { AssignmentRulesEditor } from './assignment-rules-editor'
import { ScoringRulesEditor } from './scoring-rules-editor'

/** Leads → Rules: how new leads are scored and who gets them. */
export default function LeadRulesPage() {
  const { t } = useTranslation()
  const canEdit = useCan('leads', 'update')
  return (
    <Stack>
      <Anchor component={Link} to="/leads" size="sm">
        ← {t('sales.leads.title')}
      </Anchor>
      <Title order={1} size="h2">
        {t('sales.leadRules.title')}
      </Title>
      {!canEdit && <Text size="sm">{t('sales.leadRules.readOnly')}</Text>}
      <ScoringRulesEditor canEdit={canEdit} />
      <AssignmentRulesEditor canEdit={canEdit} />
    </Stack>
  )
}
