import {
  Anchor,
  Badge,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createPrivacyLink, eraseContact, personalDataUrl } from '../../../shared/privacy.api'
import type { ConsentState } from '../../../shared/privacy.schema'
import { ConfirmModal } from '../../components/ui/confirm-modal'
import { ErrorState } from '../../components/ui/error-state'
import { currentLanguage } from '../../i18n/i18n'
import { api } from '../../lib/api'
import { formatDate, formatDateTime } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useCan } from '../admin/use-can'
import { useConsents, useRecordConsent } from './privacy.queries'

const statusColor = { granted: 'teal', withdrawn: 'red', pending: 'yellow', none: 'gray' } as const

/** The consent panel of a contact: current state per purpose, history, links and erasure. */
export function ContactConsents({ contactId }: { contactId: string }) {
  const { t } = useTranslation()
  const consents = useConsents(contactId)
  const record = useRecordConsent(contactId)
  const canWrite = useCan('consents', 'create')
  const canErase = useCan('privacy-requests', 'update')
  const [showHistory, setShowHistory] = useState(false)
  const [link, setLink] = useState<string | null>(null)
  const [isErasing, setErasing] = useState(false)
  const lang = currentLanguage()

  if (consents.isPending) return null
  if (consents.isError) return <ErrorState error={consents.error} />
  const name = (s: ConsentState) => (lang === 'fi' ? s.nameFi : s.nameEn)
  const change = (s: ConsentState, status: 'granted' | 'withdrawn') =>
    record.mutate(
      { purposeKey: s.purposeKey, status, source: 'staff' },
      {
        onSuccess: () => notifications.show({ message: t('privacy.consents.recorded') }),
        onError: (e) => notifyError(e, t('common.error')),
      },
    )
  const makeLink = async (send: boolean) => {
    try {
      const made = await createPrivacyLink(api, contactId, { send })
      if (send && made.sentTo)
        notifications.show({ message: t('privacy.consents.linkSent', { to: made.sentTo }) })
      else setLink(made.url)
    } catch (e) {
      notifyError(e, t('common.error'))
    }
  }
  const erase = async () => {
    try {
      await eraseContact(api, contactId)
      notifications.show({ message: t('privacy.consents.erased') })
      setErasing(false)
      window.location.reload()
    } catch (e) {
      notifyError(e, t('common.error'))
    }
  }
  return (
    <Paper withBorder p="md" component="section" aria-label={t('privacy.consents.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('privacy.consents.title')}
      </Title>
      {consents.data.current.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('privacy.consents.noPurposes')}
        </Text>
      ) : (
        <Stack gap="xs">
          {consents.data.current.map((s) => (
            <Group key={s.purposeId} justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={500}>
                  {name(s)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`privacy.legalBasis.${s.legalBasis}`)}
                  {s.channels.length > 0 &&
                    ` · ${s.channels.map((c) => t(`privacy.channels.${c}`)).join(', ')}`}
                  {s.since && ` · ${formatDate(s.since)}`}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" color={statusColor[s.status]}>
                  {t(`privacy.status.${s.status}`)}
                </Badge>
                {canWrite && s.status !== 'granted' && (
                  <Button size="compact-xs" variant="light" onClick={() => change(s, 'granted')}>
                    {t('privacy.consents.grant')}
                  </Button>
                )}
                {canWrite && s.status === 'granted' && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    onClick={() => change(s, 'withdrawn')}
                  >
                    {t('privacy.consents.withdraw')}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Anchor component="button" size="sm" mt="sm" onClick={() => setShowHistory((v) => !v)}>
        {t('privacy.consents.history')} ({consents.data.history.length})
      </Anchor>
      <Collapse expanded={showHistory}>
        {consents.data.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('privacy.consents.empty')}
          </Text>
        ) : (
          <Table fz="xs" mt="xs">
            <Table.Tbody>
              {consents.data.history.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
                  <Table.Td>{e.purposeKey}</Table.Td>
                  <Table.Td>{t(`privacy.status.${e.status}`)}</Table.Td>
                  <Table.Td>
                    {t('privacy.consents.proof', {
                      version: e.textVersion ?? '–',
                      source: t(`privacy.sources.${e.source}`),
                    })}
                    {e.ip ? ` · ${e.ip}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Collapse>
      <Group gap="xs" mt="md">
        {canWrite && (
          <>
            <Button size="xs" variant="default" onClick={() => void makeLink(false)}>
              {t('privacy.consents.makeLink')}
            </Button>
            <Button size="xs" variant="default" onClick={() => void makeLink(true)}>
              {t('privacy.consents.sendLink')}
            </Button>
          </>
        )}
        <Button
          size="xs"
          variant="default"
          component="a"
          href={personalDataUrl(api, contactId)}
          download
        >
          {t('privacy.consents.export')}
        </Button>
        {canErase && (
          <Button size="xs" variant="light" color="red" onClick={() => setErasing(true)}>
            {t('privacy.consents.erase')}
          </Button>
        )}
      </Group>
      {link && (
        <Stack gap={4} mt="sm">
          <Text size="xs">{t('privacy.consents.copyLink')}</Text>
          <Code block>{link}</Code>
        </Stack>
      )}
      <ConfirmModal
        opened={isErasing}
        title={t('privacy.consents.erase')}
        message={t('privacy.consents.eraseConfirm')}
        confirmLabel={t('privacy.consents.erase')}
        onConfirm={() => void erase()}
        onClose={() => setErasing(false)}
      />
    </Paper>
  )
}
