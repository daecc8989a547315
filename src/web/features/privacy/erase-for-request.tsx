import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmModal } from '../../components/ui/confirm-modal'
import { notifyError } from '../../lib/problems'
import { useEraseContact } from './privacy.queries'

/** Carries out an erasure request: erases the person and completes the request with evidence. */
export function EraseForRequest(props: { contactId: string; requestId: string }) {
  const { t } = useTranslation()
  const erase = useEraseContact(props.contactId)
  const [isConfirming, setConfirming] = useState(false)
  const run = () =>
    erase.mutate(props.requestId, {
      onSuccess: () => {
        setConfirming(false)
        notifications.show({ message: t('privacy.consents.erased') })
      },
      onError: (e) => notifyError(e, t('common.error')),
    })
  return (
    <>
      <Button size="compact-xs" variant="light" color="red" onClick={() => setConfirming(true)}>
        {t('privacy.requests.eraseNow')}
      </Button>
      <ConfirmModal
        opened={isConfirming}
        title={t('privacy.requests.eraseNow')}
        message={t('privacy.consents.eraseConfirm')}
        confirmLabel={t('privacy.consents.erase')}
        isBusy={erase.isPending}
        onConfirm={run}
        onClose={() => setConfirming(false)}
      />
    </>
  )
}
