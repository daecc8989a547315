import { Anchor, Collapse, Table, Text } from '@mantine/core'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentEvent } from '../../../shared/privacy.schema'
import { formatDateTime } from '../../lib/format'

const c = 'privacy.consents'

/** Every grant and withdrawal of the contact, newest first; events are never changed. */
export function ConsentHistory(props: { history: ConsentEvent[]; names: Map<string, string> }) {
  const { t } = useTranslation()
  const [isOpen, setOpen] = useState(false)
  const id = useId()
  return (
    <>
      <Anchor
        component="button"
        size="sm"
        mt="sm"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {t(`${c}.history`)} ({props.history.length})
      </Anchor>
      <Collapse expanded={isOpen} id={id}>
        {props.history.length === 0 ? (
          <Text size="sm" c="dimmed" mt="xs">
            {t(`${c}.empty`)}
          </Text>
        ) : (
          <Table fz="xs" mt="xs" aria-label={t(`${c}.history`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${c}.when`)}</Table.Th>
                <Table.Th>{t(`${c}.purpose`)}</Table.Th>
                <Table.Th>{t(`${c}.state`)}</Table.Th>
                <Table.Th>{t(`${c}.proofHeader`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.history.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
                  <Table.Td>{props.names.get(e.purposeId) ?? e.purposeKey}</Table.Td>
                  <Table.Td>{t(`privacy.status.${e.status}`)}</Table.Td>
                  <Table.Td>
                    {t(`${c}.proof`, {
                      version: e.textVersion ?? '–',
                      source: t(`privacy.sources.${e.source}`),
                    })}
                    {e.ip ? ` · ${e.ip}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Collapse>
    </>
  )
}
