import { Button, FileInput, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { importObjectTypes, type Import } from '../../../shared/imports.schema'
import { notifyError } from '../../lib/problems'
import { ImportMappingForm } from './import-mapping'
import { ImportPreviewTable, ImportRun } from './import-run'
import { useUploadImport } from './imports.queries'

/** The import wizard: upload, map, preview, run, report, undo. */
export default function ImportPage() {
  const { t } = useTranslation()
  const upload = useUploadImport()
  const [file, setFile] = useState<File | null>(null)
  const [objectType, setObjectType] = useState<string>('contacts')
  const [imp, setImp] = useState<Import | null>(null)
  const [version, setVersion] = useState(0)
  const [isMapped, setIsMapped] = useState(false)
  const onSaved = (next: Import) => {
    setImp(next)
    setVersion((v) => v + 1)
    setIsMapped(true)
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('imports.title')}
      </Title>
      {!imp ? (
        <Paper withBorder p="md">
          <Stack>
            <FileInput
              label={t('imports.file')}
              accept=".csv,.txt,.xlsx,.vcf"
              value={file}
              onChange={setFile}
            />
            <Select
              label={t('imports.objectType')}
              data={importObjectTypes.map((o) => ({ value: o, label: t(`imports.objects.${o}`) }))}
              value={objectType}
              onChange={(v) => v && setObjectType(v)}
              allowDeselect={false}
            />
            <Group>
              <Button
                disabled={!file}
                loading={upload.isPending}
                onClick={() =>
                  file &&
                  upload.mutate(
                    { file, objectType },
                    { onSuccess: setImp, onError: (e) => notifyError(e, t('common.error')) },
                  )
                }
              >
                {t('imports.upload')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {imp.filename} ·{' '}
            {t('imports.detected', {
              format: imp.format.toUpperCase(),
              encoding: imp.encoding ?? '—',
              delimiter: imp.delimiter === '\t' ? 'tab' : (imp.delimiter ?? '—'),
              rows: imp.progress.rowsTotal,
            })}
          </Text>
          {imp.warnings.map((w) => (
            <Text key={w} size="sm" c="orange">
              {w}
            </Text>
          ))}
          {imp.status === 'uploaded' && (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('imports.mapping')}
              </Title>
              <ImportMappingForm key={imp.sheet ?? ''} imp={imp} onSaved={onSaved} />
            </Paper>
          )}
          {isMapped && imp.status === 'uploaded' && (
            <ImportPreviewTable imp={imp} version={version} />
          )}
          {isMapped && <ImportRun imp={imp} onChange={setImp} />}
          <Group>
            <Button
              variant="subtle"
              onClick={() => (setImp(null), setIsMapped(false), setFile(null))}
            >
              {t('imports.newImport')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  )
}
