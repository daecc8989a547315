import { parseFile, type ParsedFile } from './parse-file'
import type { Delimiter } from './parse-csv'
import type { TextEncoding } from './parse-encoding'
import type { Db } from '../../db/client'
import { loadImportFile, type ImportRow } from './imports.repo'
import type { FileFormat } from './parse-types'

// The stored file parsed with the import's settings. Parsing once per chunk would be wasteful,
// so the last few parsed files are kept in memory; after a restart the file is parsed again.

const cache = new Map<string, { key: string; table: ParsedFile }>()
const cacheSize = 4

export async function parseStored(db: Db, imp: ImportRow): Promise<ParsedFile> {
  const key = `${imp.encoding}|${imp.delimiter}|${imp.sheet}|${imp.file_size}`
  const hit = cache.get(imp.id)
  if (hit && hit.key === key) return hit.table
  const bytes = await loadImportFile(db, imp.workspace_id, imp.id)
  const table = await parseFile(bytes, imp.filename, {
    format: imp.format as FileFormat,
    encoding: imp.encoding as TextEncoding | null,
    delimiter: imp.delimiter as Delimiter | null,
    sheet: imp.sheet,
  })
  cache.set(imp.id, { key, table })
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string)
  return table
}

export function forgetParsed(importId: string): void {
  cache.delete(importId)
}
