import { Button, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../shared/errors'
import type { Pipeline } from '../../../shared/pipelines.schema'
import { CompanyPicker } from '../../components/ui/company-picker'
import { errorMessage } from '../../lib/problems'
import { CustomFieldInputs, useCustomValues } from '../custom-fields/custom-field-inputs'
import { useCreateDeal } from './sales.queries'

/** The server's message for one field of a refused create, e.g. `custom.region`. */
function fieldMessage(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  return error.problem.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`))
    ?.message
}

/** A quick deal: title, value, close date, company and the stage it starts in. */
export function NewDealModal({
  pipeline,
  opened,
  onClose,
}: {
  pipeline: Pipeline
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const create = useCreateDeal()
  const [title, setTitle] = useState('')
  const [amount, setAmount] = useState<number | string>('')
  const [closeDate, setCloseDate] = useState('')
  const [companyId, setCompanyId] = useState<string | null>(null)
  const [stageId, setStageId] = useState<string | null>(pipeline.stages[0]?.id ?? null)
  const [customTexts, setCustomTexts] = useState<Record<string, string>>({})
  const toCustom = useCustomValues('deal')
  const submit = () =>
    create.mutate(
      {
        title,
        pipelineId: pipeline.id,
        stageId: stageId ?? undefined,
        amount: amount === '' ? undefined : Math.round(Number(amount) * 100),
        expectedCloseDate: closeDate || undefined,
        companyId: companyId ?? undefined,
        custom: toCustom(customTexts),
      },
      {
        onSuccess: () => {
          setTitle('')
          setAmount('')
          setCustomTexts({})
          onClose()
        },
      },
    )
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.board.newDeal')}>
      <Stack>
        <TextInput
          label={t('sales.deal.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-autofocus
        />
        <NumberInput
          label={t('sales.deal.amount')}
          value={amount}
          onChange={setAmount}
          min={0}
          decimalScale={2}
          suffix=" €"
        />
        <TextInput
          type="date"
          label={t('sales.deal.closeDate')}
          value={closeDate}
          onChange={(e) => setCloseDate(e.currentTarget.value)}
        />
        <CompanyPicker label={t('sales.deal.company')} value={companyId} onChange={setCompanyId} />
        <Select
          label={t('sales.deal.stage')}
          data={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
          value={stageId}
          onChange={setStageId}
        />
        <CustomFieldInputs
          objectType="deal"
          texts={customTexts}
          onChange={setCustomTexts}
          errorOf={(key) => fieldMessage(create.error, `custom.${key}`)}
        />
        {create.isError && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-6)' }}>
            {errorMessage(create.error, t('common.error'))}
          </div>
        )}
        <Button onClick={submit} loading={create.isPending} disabled={!title.trim()}>
          {t('sales.deal.create')}
        </Button>
      </Stack>
    </Modal>
  )
}
