import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { channels, legalBases, type Purpose } from '../../../shared/privacy.schema'
import { fieldErrors } from './field-errors'
import { useSavePurpose } from './privacy.queries'

type Draft = Omit<Purpose, 'id' | 'textVersion' | 'createdAt' | 'updatedAt'>
const empty: Draft = {
  key: '',
  legalBasis: 'consent',
  channels: ['email'],
  nameFi: '',
  nameEn: '',
  descriptionFi: '',
  descriptionEn: '',
  requiresDoubleOptIn: false,
  dataCategories: [],
  recipients: [],
  retentionPeriod: '',
  isActive: true,
}

/** Creates or edits a purpose; the key is fixed once made, since send paths refer to it. */
export function PurposeModal(props: { purpose: Purpose | null; opened: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const save = useSavePurpose()
  const [draft, setDraft] = useState<Draft>(props.purpose ?? empty)
  // The server names the field of each problem; it is shown on that field, the rest below.
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const p = 'privacy.purposes'
  const submit = () => {
    setErrors({})
    const { key, ...rest } = draft
    save.mutate(
      { id: props.purpose?.id, input: props.purpose ? rest : { key, ...rest } },
      {
        onSuccess: () => {
          notifications.show({ message: t(`${p}.saved`) })
          props.onClose()
        },
        onError: (e) => setErrors(fieldErrors(e, Object.keys(empty), t('common.error'))),
      },
    )
  }
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.purpose ? `${p}.edit` : `${p}.new`)}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack>
          <TextInput
            label={t(`${p}.key`)}
            description={t(`${p}.keyHint`)}
            value={draft.key}
            disabled={props.purpose !== null}
            onChange={(e) => set('key', e.currentTarget.value)}
            error={errors.key}
            required
          />
          <Select
            label={t(`${p}.legalBasis`)}
            description={t(`privacy.legalBasisHint.${draft.legalBasis}`)}
            data={legalBases.map((b) => ({ value: b, label: t(`privacy.legalBasis.${b}`) }))}
            value={draft.legalBasis}
            onChange={(v) => v && set('legalBasis', v as Draft['legalBasis'])}
            allowDeselect={false}
            error={errors.legalBasis}
          />
          <MultiSelect
            label={t(`${p}.channels`)}
            data={channels.map((c) => ({ value: c, label: t(`privacy.channels.${c}`) }))}
            value={draft.channels}
            onChange={(v) => set('channels', v as Draft['channels'])}
            error={errors.channels}
          />
          <Group grow>
            <TextInput
              label={t(`${p}.nameFi`)}
              value={draft.nameFi}
              required
              error={errors.nameFi}
              onChange={(e) => set('nameFi', e.currentTarget.value)}
            />
            <TextInput
              label={t(`${p}.nameEn`)}
              value={draft.nameEn}
              required
              error={errors.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
            />
          </Group>
          <Textarea
            label={t(`${p}.descriptionFi`)}
            value={draft.descriptionFi}
            error={errors.descriptionFi}
            autosize
            minRows={2}
            onChange={(e) => set('descriptionFi', e.currentTarget.value)}
          />
          <Textarea
            label={t(`${p}.descriptionEn`)}
            value={draft.descriptionEn}
            error={errors.descriptionEn}
            autosize
            minRows={2}
            onChange={(e) => set('descriptionEn', e.currentTarget.value)}
          />
          <TagsInput
            label={t(`${p}.dataCategories`)}
            value={draft.dataCategories}
            onChange={(v) => set('dataCategories', v)}
          />
          <TagsInput
            label={t(`${p}.recipients`)}
            value={draft.recipients}
            onChange={(v) => set('recipients', v)}
          />
          <TextInput
            label={t(`${p}.retentionPeriod`)}
            value={draft.retentionPeriod}
            onChange={(e) => set('retentionPeriod', e.currentTarget.value)}
          />
          <Checkbox
            label={t(`${p}.doubleOptIn`)}
            checked={draft.requiresDoubleOptIn}
            onChange={(e) => set('requiresDoubleOptIn', e.currentTarget.checked)}
          />
          <Switch
            label={t(`${p}.active`)}
            checked={draft.isActive}
            onChange={(e) => set('isActive', e.currentTarget.checked)}
          />
          {errors._ && (
            <Text size="sm" c="red" role="alert">
              {errors._}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t(`${p}.cancel`)}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t(`${p}.save`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
