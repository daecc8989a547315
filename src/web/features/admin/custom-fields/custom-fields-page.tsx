import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArrowDown,
  IconArrowUp,
  IconForms,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  customFieldObjects,
  type CustomField,
  type CustomFieldObject,
} from '../../../../shared/custom-fields.schema'
import { EmptyHint } from '../../../components/ui/empty-hint'
import { ErrorState } from '../../../components/ui/error-state'
import { PageSkeleton } from '../../../components/ui/page-skeleton'
import { notifyError } from '../../../lib/problems'
import { customFieldLabel } from '../../custom-fields/custom-fields.queries'
import { ConfirmModal } from '../../../components/ui/confirm-modal'
import { CustomFieldModal } from './custom-field-modal'
import {
  useDeleteField,
  useFieldDefinitions,
  useReorderFields,
} from './custom-fields-admin.queries'

// undefined: closed; null: a new field; a field: editing it.
type Editing = CustomField | null | undefined

export default function CustomFieldsPage() {
  const { t, i18n } = useTranslation()
  const [objectType, setObjectType] = useState<CustomFieldObject>('company')
  const fields = useFieldDefinitions(objectType)
  const reorder = useReorderFields(objectType)
  const remove = useDeleteField(objectType)
  const [editing, setEditing] = useState<Editing>(undefined)
  const [deleting, setDeleting] = useState<CustomField | null>(null)
  const onError = (e: unknown) => notifyError(e, t('common.error'))
  const list = fields.data?.data ?? []

  const move = (index: number, by: -1 | 1) => {
    const ids = list.map((f) => f.id)
    const [id] = ids.splice(index, 1)
    if (!id) return
    ids.splice(index + by, 0, id)
    reorder.mutate(ids, { onError })
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('admin.customFields.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
          {t('admin.customFields.new')}
        </Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        aria-label={t('admin.customFields.object')}
        value={objectType}
        onChange={(v) => setObjectType(v as CustomFieldObject)}
        data={customFieldObjects.map((o) => ({
          value: o,
          label: t(`admin.customFields.objects.${o}`),
        }))}
      />
      {fields.isPending ? (
        <PageSkeleton />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : list.length === 0 ? (
        <EmptyHint
          icon={<IconForms />}
          title={t('admin.customFields.emptyTitle')}
          hint={t('admin.customFields.emptyHint')}
        />
      ) : (
        <Stack
          gap="xs"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('admin.customFields.title')}
        >
          {list.map((f, i) => {
            const label = customFieldLabel(f, i18n.language)
            return (
              <Paper key={f.id} withBorder p="xs" component="li">
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {label}
                      </Text>
                      <Badge variant="default" size="sm">
                        {t(`admin.customFields.types.${f.type}`)}
                      </Badge>
                      {f.isRequired && (
                        <Badge variant="default" size="sm">
                          {t('admin.customFields.requiredBadge')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {f.key}
                      {f.options.length > 0 &&
                        ` · ${f.options.map((o) => (i18n.language === 'en' ? o.labelEn : o.labelFi)).join(', ')}`}
                    </Text>
                  </Stack>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === 0 || reorder.isPending}
                      aria-label={t('admin.customFields.moveUp', { name: label })}
                      onClick={() => move(i, -1)}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === list.length - 1 || reorder.isPending}
                      aria-label={t('admin.customFields.moveDown', { name: label })}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('admin.customFields.editOf', { name: label })}
                      onClick={() => setEditing(f)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('admin.customFields.deleteOf', { name: label })}
                      onClick={() => setDeleting(f)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              </Paper>
            )
          })}
        </Stack>
      )}
      {editing !== undefined && (
        <CustomFieldModal
          key={editing?.id ?? 'new'}
          objectType={objectType}
          field={editing ?? undefined}
          onClose={() => setEditing(undefined)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('admin.customFields.delete')}
        message={t('admin.customFields.deleteConfirm', {
          name: deleting ? customFieldLabel(deleting, i18n.language) : '',
        })}
        confirmLabel={t('common.delete')}
        isBusy={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => notifications.show({ message: t('admin.customFields.deleted') }),
            onError,
            onSettled: () => setDeleting(null),
          })
        }
        onClose={() => setDeleting(null)}
      />
    </Stack>
  )
}
