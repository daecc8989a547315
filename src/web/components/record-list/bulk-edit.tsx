import { Button, Group, Menu, Modal, Select, Stack, TextInput } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulkField } from './list-types'

type Props = {
  fields: BulkField[]
  count: number
  isBusy: boolean
  onSave: (field: BulkField, value: string | null) => void
}

/** "Edit field": pick one of a few safe fields from a menu, then the value to give them all. */
export function BulkEdit({ fields, count, isBusy, onSave }: Props) {
  const { t } = useTranslation()
  const [field, setField] = useState<BulkField | null>(null)
  const [value, setValue] = useState('')
  const open = (f: BulkField) => {
    setValue('')
    setField(f)
  }
  const close = () => setField(null)
  const save = () => {
    if (!field) return
    onSave(field, value.trim() === '' ? null : value.trim())
    close()
  }
  return (
    <>
      <Menu withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />}>
            {t('bulk.editField')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label={t('bulk.chooseField')}>
          <Menu.Label>{t('bulk.chooseField')}</Menu.Label>
          {fields.map((f) => (
            <Menu.Item key={f.id} onClick={() => open(f)}>
              {f.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={field !== null}
        onClose={close}
        title={field ? t('bulk.editTitle', { field: field.label, count }) : ''}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault()
            save()
          }}
        >
          <Stack>
            {field?.options ? (
              <Select
                label={t('bulk.newValue')}
                data={[{ value: '', label: t('bulk.clearValue') }, ...field.options]}
                value={value}
                onChange={(v) => setValue(v ?? '')}
                data-autofocus
              />
            ) : (
              <TextInput
                label={t('bulk.newValue')}
                placeholder={t('bulk.clearValue')}
                maxLength={field?.maxLength}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                data-autofocus
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={isBusy}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}
