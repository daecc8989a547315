import { Button, Modal, NumberInput, Select, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Lead } from '../../../shared/leads.schema'
import { errorMessage } from '../../lib/problems'
import { useConvertLead, usePipelines } from './sales.queries'

/** Turns a lead into contact + company + deal in one step, then opens the deal. */
export function LeadConvertModal({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const pipelines = usePipelines()
  const convert = useConvertLead()
  const [pipelineId, setPipelineId] = useState<string | null>(null)
  const [amount, setAmount] = useState<number | string>('')
  const chosen = pipelineId ?? pipelines.data?.[0]?.id ?? null
  const submit = () => {
    if (!lead || !chosen) return
    convert.mutate(
      {
        id: lead.id,
        input: {
          pipelineId: chosen,
          amount: amount === '' ? undefined : Math.round(Number(amount) * 100),
        },
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('sales.leads.converted') })
          onClose()
          void navigate(`/deals/${r.dealId}`)
        },
      },
    )
  }
  return (
    <Modal opened={lead !== null} onClose={onClose} title={t('sales.leads.convertTitle')}>
      <Stack>
        <Text size="sm">
          {[lead?.firstName, lead?.lastName].filter(Boolean).join(' ')}{' '}
          {lead?.companyName ? `· ${lead.companyName}` : ''}
        </Text>
        <Select
          label={t('sales.board.pipeline')}
          data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={chosen}
          onChange={setPipelineId}
          allowDeselect={false}
        />
        <NumberInput
          label={t('sales.deal.amount')}
          value={amount}
          onChange={setAmount}
          min={0}
          decimalScale={2}
          suffix=" €"
        />
        {convert.isError && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(convert.error, t('common.error'))}
          </Text>
        )}
        <Button onClick={submit} loading={convert.isPending} disabled={!chosen}>
          {t('sales.leads.convert')}
        </Button>
      </Stack>
    </Modal>
  )
}
