import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  dedupeRules,
  importFields,
  matchActions,
  type Import,
  type ImportMapping,
  type ImportMappingUpdate,
} from '../../../shared/imports.schema'
import { notifyError } from '../../lib/problems'
import { useSaveMapping } from './imports.queries'

/** Column → field, with the server's suggestions preselected, and duplicate handling. */
export function ImportMappingForm({ imp, onSaved }: { imp: Import; onSaved: (i: Import) => void }) {
  const { t } = useTranslation()
  const save = useSaveMapping(imp.id)
  const [mapping, setMapping] = useState<ImportMapping>(imp.mapping)
  const [dedupeRule, setDedupeRule] = useState(imp.dedupeRule)
  const [matchAction, setMatchAction] = useState(imp.matchAction)
  const [template, setTemplate] = useState('')
  const custom = Object.values(imp.mapping).filter((f) => f.startsWith('custom.'))
  const options = [
    ...importFields.map((f) => ({ value: f, label: t(`imports.fields.${f}`) })),
    ...custom.map((f) => ({ value: f, label: f.slice('custom.'.length) })),
  ]
  const submit = (sheet?: string) => {
    const input: ImportMappingUpdate = {
      mapping: sheet ? {} : mapping,
      dedupeRule,
      matchAction,
      ...(sheet ? { sheet } : {}),
      ...(template.trim() && !sheet ? { saveAsTemplate: template.trim() } : {}),
    }
    save.mutate(input, {
      onSuccess: (next) => {
        if (sheet) setMapping(next.suggestions)
        onSaved(next)
      },
      onError: (e) => notifyError(e, t('common.error')),
    })
  }
  return (
    <Stack>
      {imp.sheets.length > 1 && (
        <Select
          label={t('imports.sheet')}
          data={imp.sheets}
          value={imp.sheet}
          onChange={(v) => v && submit(v)}
          allowDeselect={false}
        />
      )}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.column')}</Table.Th>
            <Table.Th>{t('imports.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imp.headers.map((h) => (
            <Table.Tr key={h}>
              <Table.Td>
                <Text size="sm">{h}</Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={h}
                  data={options}
                  value={mapping[h] ?? 'ignore'}
                  onChange={(v) =>
                    setMapping({ ...mapping, [h]: (v ?? 'ignore') as ImportMapping[string] })
                  }
                  allowDeselect={false}
                  searchable
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group grow>
        <Select
          label={t('imports.dedupe')}
          data={dedupeRules.map((r) => ({ value: r, label: t(`imports.dedupeRules.${r}`) }))}
          value={dedupeRule}
          onChange={(v) => v && setDedupeRule(v as Import['dedupeRule'])}
          allowDeselect={false}
        />
        <Select
          label={t('imports.matchAction')}
          data={matchActions.map((a) => ({ value: a, label: t(`imports.matchActions.${a}`) }))}
          value={matchAction}
          onChange={(v) => v && setMatchAction(v as Import['matchAction'])}
          allowDeselect={false}
        />
      </Group>
      <TextInput
        label={t('imports.template')}
        value={template}
        onChange={(e) => setTemplate(e.currentTarget.value)}
      />
      <Group>
        <Button onClick={() => submit()} loading={save.isPending}>
          {t('imports.saveMapping')}
        </Button>
      </Group>
    </Stack>
  )
}
