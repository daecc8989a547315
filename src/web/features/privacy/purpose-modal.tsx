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
  Textarea,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { channels, legalBases, type Purpose } from '../../../shared/privacy.schema'
import { errorMessage } from '../../lib/problems'
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
  const [error, setError] = useState<string | null>(null)
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const submit = () => {
    const { key, ...rest } = draft
    save.mutate(
      { id: props.purpose?.id, input: props.purpose ? rest : { key, ...rest } },
      { onSuccess: props.onClose, onError: (e) => setError(errorMessage(e, t('common.error'))) },
    )
  }
  const p = 'privacy.purposes'
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.purpose ? `${p}.edit` : `${p}.new`)}
      size="lg"
    >
      <Stack>
        <TextInput
          label={t(`${p}.key`)}
          description={t(`${p}.keyHint`)}
          value={draft.key}
          disabled={props.purpose !== null}
          onChange={(e) => set('key', e.currentTarget.value)}
          required
        />
        <Select
          label={t(`${p}.legalBasis`)}
          data={legalBases.map((b) => ({ value: b, label: t(`privacy.legalBasis.${b}`) }))}
          value={draft.legalBasis}
          onChange={(v) => v && set('legalBasis', v as Draft['legalBasis'])}
        />
        <MultiSelect
          label={t(`${p}.channels`)}
          data={channels.map((c) => ({ value: c, label: t(`privacy.channels.${c}`) }))}
          value={draft.channels}
          onChange={(v) => set('channels', v as Draft['channels'])}
        />
        <Group grow>
          <TextInput
            label={t(`${p}.nameFi`)}
            value={draft.nameFi}
            required
            onChange={(e) => set('nameFi', e.currentTarget.value)}
          />
          <TextInput
            label={t(`${p}.nameEn`)}
            value={draft.nameEn}
            required
            onChange={(e) => set('nameEn', e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t(`${p}.descriptionFi`)}
          value={draft.descriptionFi}
          onChange={(e) => set('descriptionFi', e.currentTarget.value)}
        />
        <Textarea
          label={t(`${p}.descriptionEn`)}
          value={draft.descriptionEn}
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
        {error && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-7)' }}>
            {error}
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t(`${p}.cancel`)}
          </Button>
          <Button loading={save.isPending} onClick={submit}>
            {t(`${p}.save`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
