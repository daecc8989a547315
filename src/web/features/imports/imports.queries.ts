import { useMutation, useQuery } from '@tanstack/react-query'
import { ApiError, type Problem } from '../../../shared/errors'
import type { z } from 'zod'
import type {
  Import,
  ImportMappingUpdate,
  ImportPreview,
  importReportSchema,
} from '../../../shared/imports.schema'
import { currentLanguage } from '../../i18n/i18n'
import { api } from '../../lib/api'

// The import wizard's server calls. The upload sends the file as the raw body (no multipart).

async function uploadFile(file: File, objectType: string): Promise<Import> {
  const res = await fetch(api.url('/imports', { filename: file.name, objectType }), {
    method: 'POST',
    credentials: 'include',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      accept: 'application/json',
      'accept-language': currentLanguage(),
    },
    body: file,
  })
  const json: unknown = await res.json()
  if (!res.ok) throw new ApiError(json as Problem)
  return json as Import
}

export const useUploadImport = () =>
  useMutation({
    mutationFn: (v: { file: File; objectType: string }) => uploadFile(v.file, v.objectType),
  })

export const useSaveMapping = (id: string) =>
  useMutation({
    mutationFn: (input: ImportMappingUpdate) => api.put<Import>(`/imports/${id}/mapping`, input),
  })

export const useStartImport = (id: string) =>
  useMutation({ mutationFn: () => api.post<Import>(`/imports/${id}/start`) })

export const useUndoImport = (id: string) =>
  useMutation({ mutationFn: () => api.post<Import>(`/imports/${id}/undo`) })

// The server writes the problems of the preview and report in the request's language, so the
// language is part of their keys: switching it fetches them again in the new one.
export const usePreview = (id: string, version: number) =>
  useQuery({
    queryKey: ['imports', id, 'preview', version, currentLanguage()],
    queryFn: () => api.get<ImportPreview>(`/imports/${id}/preview`),
  })

const isLive = (status: Import['status'] | undefined) => status === 'queued' || status === 'running'

/** Polls once a second while the job runs, for the progress bar; stops when it has finished. */
export const useImportStatus = (id: string, knownStatus: Import['status']) =>
  useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<Import>(`/imports/${id}`),
    refetchInterval: (query) => (isLive(query.state.data?.status ?? knownStatus) ? 1000 : false),
  })

export type ImportReport = z.infer<typeof importReportSchema>

/** The finished import's report: failures and the rows skipped as previously erased people. */
export const useImportReport = (id: string, isFinished: boolean) =>
  useQuery({
    queryKey: ['imports', id, 'report', currentLanguage()],
    queryFn: () => api.get<ImportReport>(`/imports/${id}/report`),
    enabled: isFinished,
  })

/** A download link sends no Accept-Language: the reasons' language goes in the query. */
export const failedRowsUrl = (id: string) =>
  api.url(`/imports/${id}/failed-rows`, { lang: currentLanguage() })
