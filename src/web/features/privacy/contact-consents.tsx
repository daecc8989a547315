import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconShieldCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { personalDataUrl } from '../../../shared/privacy.api'
import type { ConsentState } from '../../../shared/privacy.schema'
import { ConfirmModal } from '../../components/ui/confirm-modal'
import { ErrorState } from '../../components/ui/error-state'
import { currentLanguage } from '../../i18n/i18n'
import { api } from '../../lib/api'
import { formatDate, formatDateTime } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useCan } from '../admin/use-can'
import { ConsentHistory } from './consent-history'
import { PrivacyLinks } from './privacy-links'
import { useConsents, useEraseContact, useRecordConsent } from './privacy.queries'

const statusColor = { granted: 'teal', withdrawn: 'red', pending: 'yellow', none: 'gray' } as const
const c = 'privacy.consents'

/** The consent panel of a contact: current state per purpose, history, links and erasure. */
export function ContactConsents({ contactId }: { contactId: string }) {
  const { t } = useTranslation()
  const consents = useConsents(contactId)
  const record = useRecordConsent(contactId)
  const erase = useEraseContact(contactId)
  const canWrite = useCan('consents', 'create')
  const canErase = useCan('privacy-requests', 'update')
  const [isErasing, setErasing] = useState(false)
  const lang = currentLanguage()

  const title = (
    <Title order={2} size="h4" mb="sm">
      {t(`${c}.title`)}
    </Title>
  )
  if (consents.isPending)
    return (
      <Paper withBorder p="md" component="section" aria-label={t(`${c}.title`)}>
        {title}
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={18} />
          <Skeleton height={18} />
          <Skeleton height={18} width="60%" />
        </Stack>
      </Paper>
    )
  if (consents.isError)
    return <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />

  const { current, history, erasedAt } = consents.data
  const isErased = erasedAt !== null
  const name = (s: ConsentState) => (lang === 'fi' ? s.nameFi : s.nameEn)
  const change = (s: ConsentState, status: 'granted' | 'withdrawn') =>
    record.mutate(
      { purposeKey: s.purposeKey, status, source: 'staff' },
      {
        onSuccess: () =>
          notifications.show({
            message: t(status === 'granted' ? `${c}.recorded` : `${c}.recordedWithdrawal`, {
              name: name(s),
            }),
          }),
        onError: (e) => notifyError(e, t('common.error')),
      },
    )
  const doErase = () =>
    erase.mutate(null, {
      onSuccess: () => {
        setErasing(false)
        notifications.show({ message: t(`${c}.erased`) })
      },
      onError: (e) => notifyError(e, t('common.error')),
    })

  return (
    <Paper withBorder p="md" component="section" aria-label={t(`${c}.title`)}>
      {title}
      {isErased && (
        <Alert color="gray" icon={<IconShieldCheck />} title={t(`${c}.erasedTitle`)} mb="sm">
          {t(`${c}.erasedHint`, { date: formatDateTime(erasedAt) })}
        </Alert>
      )}
      {current.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${c}.noPurposes`)}
        </Text>
      ) : (
        <Stack gap="xs">
          {current.map((s) => (
            <Group key={s.purposeId} justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={500}>
                  {name(s)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`privacy.legalBasis.${s.legalBasis}`)}
                  {s.channels.length > 0 &&
                    ` · ${s.channels.map((ch) => t(`privacy.channels.${ch}`)).join(', ')}`}
                  {s.since && ` · ${formatDate(s.since)}`}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                <Badge variant="light" color={statusColor[s.status]}>
                  {t(`privacy.status.${s.status}`)}
                </Badge>
                {canWrite && !isErased && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color={s.status === 'granted' ? 'red' : undefined}
                    loading={record.isPending && record.variables?.purposeKey === s.purposeKey}
                    aria-label={`${t(s.status === 'granted' ? `${c}.withdraw` : `${c}.grant`)}: ${name(s)}`}
                    onClick={() => change(s, s.status === 'granted' ? 'withdrawn' : 'granted')}
                  >
                    {t(s.status === 'granted' ? `${c}.withdraw` : `${c}.grant`)}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <ConsentHistory
        history={history}
        names={new Map(current.map((s) => [s.purposeId, name(s)]))}
      />
      {!isErased && <PrivacyLinks contactId={contactId} />}
      {!isErased && (
        <Group gap="xs" mt="md">
          <Button
            size="xs"
            variant="default"
            component="a"
            href={personalDataUrl(api, contactId)}
            download
          >
            {t(`${c}.export`)}
          </Button>
          {canErase && (
            <Button size="xs" variant="light" color="red" onClick={() => setErasing(true)}>
              {t(`${c}.erase`)}
            </Button>
          )}
        </Group>
      )}
      <ConfirmModal
        opened={isErasing}
        title={t(`${c}.erase`)}
        message={t(`${c}.eraseConfirm`)}
        confirmLabel={t(`${c}.erase`)}
        isBusy={erase.isPending}
        onConfirm={doErase}
        onClose={() => setErasing(false)}
      />
    </Paper>
  )
}
