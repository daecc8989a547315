import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Deal, DealUpdate } from '../../../shared/deals.schema'
import { listLostReasons } from '../../../shared/sales.api'
import { CompanyPicker } from '../../components/ui/company-picker'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'
import { CustomDetails } from '../custom-fields/custom-details'
import { useUsers } from '../users/users.queries'
import { useUpdateDeal } from './sales.queries'

/** Editable fields of a deal and the won / lost / reopen actions. */
export function DealDetails({ deal }: { deal: Deal }) {
  const { t } = useTranslation()
  const update = useUpdateDeal(deal.id)
  const { users } = useUsers()
  const reasons = useQuery({ queryKey: ['lost-reasons'], queryFn: () => listLostReasons(api) })
  const [title, setTitle] = useState(deal.title)
  const [amount, setAmount] = useState<number | string>(deal.amount / 100)
  const [closeDate, setCloseDate] = useState(deal.expectedCloseDate ?? '')
  const [probability, setProbability] = useState<number | string>(deal.probabilityOverride ?? '')
  const [ownerId, setOwnerId] = useState(deal.ownerId)
  const [companyId, setCompanyId] = useState(deal.companyId)
  const [lostReasonId, setLostReasonId] = useState<string | null>(deal.lostReasonId)
  const save = (input: DealUpdate) =>
    update.mutate(input, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('sales.deal.saved') }),
      onError: (e) => notifyError(e, t('common.error')),
    })
  return (
    <Stack>
      <TextInput
        label={t('sales.deal.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Group grow>
        <NumberInput
          label={t('sales.deal.amount')}
          value={amount}
          onChange={setAmount}
          min={0}
          decimalScale={2}
          suffix={` ${deal.currency}`}
        />
        <TextInput
          type="date"
          label={t('sales.deal.closeDate')}
          value={closeDate}
          onChange={(e) => setCloseDate(e.currentTarget.value)}
        />
      </Group>
      <Group grow>
        <NumberInput
          label={t('sales.deal.probability')}
          value={probability}
          onChange={setProbability}
          min={0}
          max={100}
          placeholder={String(deal.probability)}
        />
        <Select
          label={t('sales.deal.owner')}
          data={users.map((u) => ({ value: u.id, label: u.name }))}
          value={ownerId}
          onChange={setOwnerId}
          clearable
        />
      </Group>
      <CompanyPicker label={t('sales.deal.company')} value={companyId} onChange={setCompanyId} />
      <CustomDetails
        objectType="deal"
        values={deal.custom}
        onSave={(custom) => update.mutateAsync({ custom })}
      />
      <Group>
        <Button
          loading={update.isPending}
          onClick={() =>
            save({
              title,
              amount: Math.round(Number(amount || 0) * 100),
              expectedCloseDate: closeDate || null,
              probability: probability === '' ? null : Number(probability),
              ownerId,
              companyId,
            })
          }
        >
          {t('common.save')}
        </Button>
        {deal.status === 'open' ? (
          <>
            <Button color="teal" variant="light" onClick={() => save({ status: 'won' })}>
              {t('sales.deal.markWon')}
            </Button>
            <Select
              placeholder={t('sales.deal.lostReason')}
              data={(reasons.data?.data ?? [])
                .filter((r) => r.isActive)
                .map((r) => ({ value: r.id, label: r.name }))}
              value={lostReasonId}
              onChange={setLostReasonId}
              clearable
              w={180}
            />
            <Button
              color="red"
              variant="light"
              onClick={() => save({ status: 'lost', lostReasonId })}
            >
              {t('sales.deal.markLost')}
            </Button>
          </>
        ) : (
          <Button variant="default" onClick={() => save({ status: 'open' })}>
            {t('sales.deal.reopen')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
