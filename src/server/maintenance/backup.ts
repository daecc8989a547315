import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { loadPglite } from '../db/client'

export const backupSuffix = '.tar.gz'

// Milliseconds in the name: two backups in the same second (a migration right after a daily
// backup) must not overwrite each other.
function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace('.', '-')
    .replace('Z', '')
}

/** Writes PGlite's own tarball of its data folder (gzip), atomically, and returns its path. */
export async function writeBackup(
  pglite: PGlite,
  opts: { dir?: string; file?: string; reason: string },
): Promise<string> {
  const file =
    opts.file ?? join(opts.dir ?? '.', `suhde-${stamp(new Date())}-${opts.reason}${backupSuffix}`)
  const blob = await pglite.dumpDataDir('gzip')
  const tmp = `${file}.partial`
  await mkdir(dirname(file), { recursive: true })
  await writeFile(tmp, Buffer.from(await blob.arrayBuffer()))
  await rename(tmp, file)
  return file
}

/** Keeps the newest `keep` automatic backups in `dir`; other files there are left alone. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  if (!existsSync(dir)) return []
  const names = (await readdir(dir)).filter(
    (n) => n.startsWith('suhde-') && n.endsWith(backupSuffix),
  )
  // The names start with a UTC time stamp, so name order is time order.
  const old = names.sort().reverse().slice(keep)
  await Promise.all(old.map((n) => rm(join(dir, n), { force: true })))
  return old
}

export class RestoreError extends Error {}

/**
 * Restores a backup into `dataDir`: loads the tarball into a fresh folder beside it, checks that
 * it opens, then swaps it in. An existing database is kept as `<dataDir>.before-restore-<time>`.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  opts: { force?: boolean } = {},
): Promise<{ previous: string | null }> {
  if (!existsSync(file)) throw new RestoreError(`No backup file at ${file}`)
  const hasData = existsSync(join(dataDir, 'PG_VERSION'))
  if (hasData && !opts.force) {
    throw new RestoreError(
      `${dataDir} already holds a database. Add --force to replace it (it is kept beside it).`,
    )
  }
  const fresh = `${dataDir.replace(/\/+$/, '')}.restoring-${process.pid}`
  await rm(fresh, { recursive: true, force: true })
  const blob = new Blob([await readFile(file)])
  const { PGlite, extensions } = await loadPglite()
  const pglite = await PGlite.create(fresh, { loadDataDir: blob, extensions })
  await pglite.query('select 1')
  await pglite.close()
  let previous: string | null = null
  if (existsSync(dataDir)) {
    previous = `${dataDir.replace(/\/+$/, '')}.before-restore-${stamp(new Date())}`
    await rename(dataDir, previous)
  }
  await rename(fresh, dataDir)
  return { previous }
}
