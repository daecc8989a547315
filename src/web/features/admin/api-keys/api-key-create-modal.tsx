import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../../shared/errors'
import { resources, type ApiKeyScope } from '../../../../shared/permissions'
import { errorMessage, notifyError } from '../../../lib/problems'
import { useCreateApiKey } from './api-keys.queries'

type Props = { opened: boolean; onClose: () => void; onCreated: (key: string) => void }

function issueAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  return error.problem.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`))
    ?.message
}

/** Name, scopes (full access or read/write per resource) and an optional expiry date. */
export function ApiKeyCreateModal({ opened, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation()
  const create = useCreateApiKey()
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<string[]>([])
  const [expires, setExpires] = useState('')
  const isFull = scopes.includes('*')

  const submit = () => {
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null
    create.mutate(
      { name, scopes: scopes as ApiKeyScope[], expiresAt },
      {
        onSuccess: (created) => {
          setName('')
          setScopes([])
          setExpires('')
          onClose()
          onCreated(created.key)
        },
        onError: (e) => {
          if (!(e instanceof ApiError && e.problem.errors?.length))
            notifyError(e, t('common.error'))
        },
      },
    )
  }
  const error = create.error
  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.apiKeys.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label={t('admin.apiKeys.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={issueAt(error, 'name')}
          />
          <Checkbox.Group
            label={t('admin.apiKeys.scopes')}
            description={t('admin.apiKeys.scopesHint')}
            value={scopes}
            onChange={setScopes}
            error={issueAt(error, 'scopes')}
          >
            <Stack gap="xs" mt="xs">
              <Checkbox value="*" label={t('admin.apiKeys.fullAccess')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {resources.flatMap((r) =>
                  (['read', 'write'] as const).map((a) => (
                    <Checkbox
                      key={`${r}:${a}`}
                      value={`${r}:${a}`}
                      disabled={isFull}
                      label={t(`admin.apiKeys.${a}`, {
                        // A resource added later without a text yet shows its API name.
                        resource: i18n.exists(`admin.resources.${r}`)
                          ? t(`admin.resources.${r}`)
                          : r,
                      })}
                    />
                  )),
                )}
              </SimpleGrid>
            </Stack>
          </Checkbox.Group>
          <TextInput
            type="date"
            label={t('admin.apiKeys.expiresAt')}
            description={t('admin.apiKeys.expiresHint')}
            value={expires}
            onChange={(e) => setExpires(e.currentTarget.value)}
            error={issueAt(error, 'expiresAt')}
          />
          {error &&
            !issueAt(error, 'name') &&
            !issueAt(error, 'scopes') &&
            !issueAt(error, 'expiresAt') &&
            error instanceof ApiError && (
              <Text size="sm" c="red" role="alert">
                {errorMessage(error, t('common.error'))}
              </Text>
            )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.apiKeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
