import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  customFieldTypes,
  type CustomField,
  type CustomFieldObject,
  type CustomFieldType,
} from '../../../../shared/custom-fields.schema'
import { ApiError } from '../../../../shared/errors'
import { errorMessage } from '../../../lib/problems'
import { useCreateField, useUpdateField } from './custom-fields-admin.queries'
import { OptionsEditor, type OptionDraft } from './options-editor'

type Props = {
  objectType: CustomFieldObject
  /** The field to edit; undefined makes a new one. */
  field: CustomField | undefined
  onClose: () => void
}

const hasOptions = (type: CustomFieldType) => type === 'select' || type === 'multi_select'

/** Create or edit a custom field. Key and type are fixed once created (stored values use them). */
export function CustomFieldModal({ objectType, field, onClose }: Props) {
  const { t } = useTranslation()
  const create = useCreateField(objectType)
  const update = useUpdateField(objectType)
  const [key, setKey] = useState(field?.key ?? '')
  const [type, setType] = useState<CustomFieldType>(field?.type ?? 'text')
  const [labelFi, setLabelFi] = useState(field?.labelFi ?? '')
  const [labelEn, setLabelEn] = useState(field?.labelEn ?? '')
  const [isRequired, setRequired] = useState(field?.isRequired ?? false)
  const [options, setOptions] = useState<OptionDraft[]>(field?.options ?? [])
  const error = field ? update.error : create.error
  const issues = error instanceof ApiError ? (error.problem.errors ?? []) : []
  const errorAt = (path: string) =>
    issues.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message
  const shownPaths = ['key', 'type', 'labelFi', 'labelEn', 'isRequired', 'options']
  const otherIssue = error && issues.every((e) => !shownPaths.some((p) => e.path.startsWith(p)))

  const submit = () => {
    const common = { labelFi, labelEn, isRequired, ...(hasOptions(type) && { options }) }
    const done = { onSuccess: onClose }
    if (field) update.mutate({ id: field.id, input: common }, done)
    else create.mutate({ objectType, key, type, ...common }, done)
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={field ? t('admin.customFields.edit') : t('admin.customFields.new')}
      size="xl"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        noValidate
      >
        <Stack>
          {otherIssue && (
            <Alert color="red" role="alert">
              {errorMessage(error, t('common.error'))}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput
              label={t('admin.customFields.labelFi')}
              required
              data-autofocus
              value={labelFi}
              onChange={(e) => setLabelFi(e.currentTarget.value)}
              error={errorAt('labelFi')}
            />
            <TextInput
              label={t('admin.customFields.labelEn')}
              required
              value={labelEn}
              onChange={(e) => setLabelEn(e.currentTarget.value)}
              error={errorAt('labelEn')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('admin.customFields.key')}
              description={t('admin.customFields.keyHint')}
              required
              disabled={Boolean(field)}
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              error={errorAt('key')}
            />
            <Select
              label={t('admin.customFields.type')}
              description={t('admin.customFields.typeHint')}
              disabled={Boolean(field)}
              data={customFieldTypes.map((ty) => ({
                value: ty,
                label: t(`admin.customFields.types.${ty}`),
              }))}
              value={type}
              allowDeselect={false}
              onChange={(v) => v && setType(v as CustomFieldType)}
              error={errorAt('type')}
            />
          </Group>
          <Checkbox
            label={t('admin.customFields.required')}
            checked={isRequired}
            onChange={(e) => setRequired(e.currentTarget.checked)}
          />
          {hasOptions(type) && (
            <OptionsEditor options={options} onChange={setOptions} errorAt={errorAt} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
