import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createLostReason, deleteLostReason, listLostReasons } from '../../../shared/sales.api'
import { api } from '../../lib/api'
import { notifyError } from '../../lib/problems'

/** The configurable reasons a deal is lost, offered when a deal is marked lost. */
export function LostReasonsEditor() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const reasons = useQuery({ queryKey: ['lost-reasons'], queryFn: () => listLostReasons(api) })
  const [name, setName] = useState('')
  const refresh = () => void qc.invalidateQueries({ queryKey: ['lost-reasons'] })
  const onError = (e: unknown) => notifyError(e, t('common.error'))
  const add = useMutation({
    mutationFn: () => createLostReason(api, { name }),
    onSuccess: () => {
      setName('')
      refresh()
    },
    onError,
  })
  const remove = useMutation({
    mutationFn: (id: string) => deleteLostReason(api, id),
    onSuccess: refresh,
    onError,
  })
  return (
    <Paper withBorder p="md" component="section" aria-label={t('sales.deal.lostReason')}>
      <Title order={2} size="h4" mb="sm">
        {t('sales.deal.lostReason')}
      </Title>
      <Stack gap={4}>
        {(reasons.data?.data ?? []).map((r) => (
          <Group key={r.id} justify="space-between" maw={400}>
            <Text size="sm">{r.name}</Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('common.delete')}
              onClick={() => remove.mutate(r.id)}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <TextInput
            size="xs"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            aria-label={t('sales.deal.lostReason')}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!name.trim()}
            loading={add.isPending}
            onClick={() => add.mutate()}
          >
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
