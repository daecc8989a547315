import { ActionIcon, Badge, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconLock, IconPencil, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Purpose } from '../../../shared/privacy.schema'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { currentLanguage } from '../../i18n/i18n'
import { useCan } from '../admin/use-can'
import { PurposeModal } from './purpose-modal'
import { usePurposes } from './privacy.queries'

export function PurposesTab() {
  const { t } = useTranslation()
  const purposes = usePurposes()
  const canEdit = useCan('purposes', 'update')
  const [editing, setEditing] = useState<Purpose | 'new' | null>(null)
  const lang = currentLanguage()
  if (purposes.isPending) return <PageSkeleton />
  if (purposes.isError)
    return <ErrorState error={purposes.error} onRetry={() => void purposes.refetch()} />
  const add = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('privacy.purposes.new')}
    </Button>
  )
  return (
    <>
      <Group justify="flex-end">{add}</Group>
      {purposes.data.data.length === 0 ? (
        <EmptyHint
          icon={<IconLock />}
          title={t('privacy.purposes.emptyTitle')}
          hint={t(canEdit ? 'privacy.purposes.emptyHint' : 'privacy.purposes.emptyHintReader')}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.purposes.name')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.key')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.legalBasis')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.channels')}</Table.Th>
                  <Table.Th>{t('privacy.purposes.state')}</Table.Th>
                  {canEdit && (
                    <Table.Th>
                      <VisuallyHidden>{t('privacy.purposes.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {purposes.data.data.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {lang === 'fi' ? p.nameFi : p.nameEn}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {lang === 'fi' ? p.descriptionFi : p.descriptionEn}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('privacy.purposes.version', { version: p.textVersion })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {p.key}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`privacy.legalBasis.${p.legalBasis}`)}</Table.Td>
                    <Table.Td>
                      {p.channels.map((c) => t(`privacy.channels.${c}`)).join(', ')}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={p.isActive ? 'teal' : 'gray'}>
                        {t(p.isActive ? 'privacy.purposes.active' : 'privacy.purposes.inactive')}
                      </Badge>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('privacy.purposes.editOne', {
                            name: lang === 'fi' ? p.nameFi : p.nameEn,
                          })}
                          onClick={() => setEditing(p)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing && (
        <PurposeModal
          opened
          purpose={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}
