import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ScoringPreview } from '../../../../shared/leads.schema'

/** What the draft rules would do: how many open leads change, and the best ten by new score. */
export function ScoringPreviewTable({ preview }: { preview: ScoringPreview }) {
  const { t } = useTranslation()
  return (
    <section aria-label={t('sales.leadRules.previewTitle')} aria-live="polite">
      <Text size="sm" fw={500} mb={4}>
        {t('sales.leadRules.previewSummary', {
          changed: preview.changed,
          count: preview.openLeads,
        })}
      </Text>
      {preview.leads.length > 0 && (
        <Table withTableBorder maw={480} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.leadRules.previewLead')}</Table.Th>
              <Table.Th ta="right">{t('sales.leadRules.previewNow')}</Table.Th>
              <Table.Th ta="right">{t('sales.leadRules.previewNew')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.leads.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td ta="right">{l.score}</Table.Td>
                <Table.Td ta="right" fw={l.newScore !== l.score ? 700 : undefined}>
                  {l.newScore}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}
