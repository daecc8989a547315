import { createReadStream } from 'node:fs'
import type { Db } from '../../db/client'
import { insertFilePart, loadFilePart, type ImportRow } from './imports.repo'
import type { Delimiter } from './parse-csv'
import type { TextEncoding } from './parse-encoding'
import { RowReader, rowBatches, type ByteSource, type FileInfo } from './parse-stream'
import type { FileFormat, ParsedRow } from './parse-types'

// The uploaded file lives in the database in parts (import_file_parts), so whichever server runs
// or resumes the job reads it the same way, part by part, never whole.

export const filePartBytes = 4 * 1024 * 1024

/** Copies the upload's temporary file into the database, one part per statement. */
export async function storeFile(db: Db, workspaceId: string, importId: string, path: string) {
  let part = 0
  for await (const piece of createReadStream(path, { highWaterMark: filePartBytes }))
    await insertFilePart(db, workspaceId, importId, part++, piece as Buffer)
}

/** The stored file as a byte stream (one query per part). */
export function storedSource(db: Db, workspaceId: string, importId: string): ByteSource {
  return async function* () {
    for (let part = 0; ; part++) {
      const data = await loadFilePart(db, workspaceId, importId, part)
      if (!data) return
      yield data
    }
  }
}

/** The file settings an import was scanned with. */
export function infoOf(imp: ImportRow): FileInfo {
  return {
    format: imp.format as FileFormat,
    encoding: imp.encoding as TextEncoding | null,
    delimiter: imp.delimiter as Delimiter | null,
    sheet: imp.sheet,
    sheets: imp.sheets,
    headers: imp.headers,
    warnings: imp.warnings,
    rowsTotal: imp.rows_total,
  }
}

/** A reader of the import's data rows, positioned after the first `skip` of them. */
export async function openRows(db: Db, imp: ImportRow, skip = 0): Promise<RowReader> {
  const reader = new RowReader(rowBatches(storedSource(db, imp.workspace_id, imp.id), infoOf(imp)))
  if (skip > 0) await reader.skip(skip)
  return reader
}

export async function firstRows(db: Db, imp: ImportRow, n: number): Promise<ParsedRow[]> {
  const reader = await openRows(db, imp)
  try {
    return await reader.take(n)
  } finally {
    await reader.close()
  }
}
