import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import { loadPglite, openDatabase, type DbHandle } from '../db/client'
import { readMigrations } from '../db/migrate'
import { copyTree } from './copy-tree'
import { projectPath } from './project-paths'

// PGlite's initdb takes 2.5–4 s here, most of an embedded first start. A migrated, empty,
// cleanly shut down database folder kept in node_modules/.cache is copied instead (42 MB,
// 0.2 s with copyTree), then PGlite opens it like an existing folder in about 0.35 s. The key
// holds the PGlite version and the migrations, so a stale template is never used.
const cacheDir = projectPath('node_modules/.cache/suhde')

// Unpacking a template takes about a second; a folder this old was left by a process that
// stopped mid-unpack, even if its process id has since been reused.
const abandonedAfterMs = 10 * 60_000

async function templateDir(): Promise<string> {
  const pkg = join(
    dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))),
    '../package.json',
  )
  const version = existsSync(pkg)
    ? (JSON.parse(await readFile(pkg, 'utf8')) as { version: string }).version
    : '0'
  const migrations = await readMigrations()
  const key = createHash('sha256')
    .update(version)
    .update(migrations.map((m) => `${m.id}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16)
  return join(cacheDir, `pglite-template-${key}`)
}

/** A new data folder copied from the cached template, or null when there is none yet. */
export async function openFromTemplate(dataDir: string): Promise<DbHandle | null> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return null
  const template = await templateDir()
  const pruning = removeAbandonedUnpacks()
  if (!existsSync(join(template, 'PG_VERSION'))) {
    await pruning
    return null
  }
  try {
    await Promise.all([copyTree(template, dataDir), pruning])
    return await openDatabase({ dataDir })
  } catch {
    // Say, a template pruned by another process mid-copy: start clean with initdb instead.
    await rm(dataDir, { recursive: true, force: true })
    return null
  }
}

/**
 * Saves a just-migrated, still empty database as the template. The dump is taken now, before
 * anything is written; unpacking it into the cache runs in the background. A failure (say, a
 * read-only node_modules) only costs the next new folder its speed.
 */
export async function saveTemplate(pglite: PGlite): Promise<void> {
  try {
    const template = await templateDir()
    await removeAbandonedUnpacks()
    if (existsSync(template)) return
    const dump = await pglite.dumpDataDir('none')
    void unpack(dump, template)
  } catch {
    // See above: speed only.
  }
}

async function unpack(dump: Blob, template: string): Promise<void> {
  const tmp = `${template}.tmp-${process.pid}`
  try {
    await mkdir(cacheDir, { recursive: true })
    await rm(tmp, { recursive: true, force: true })
    const { PGlite, extensions, startParams } = await loadPglite()
    const copy = await PGlite.create(tmp, { loadDataDir: dump, extensions, startParams })
    await copy.close()
    await rename(tmp, template)
    // Templates of earlier migrations are never used again.
    const stale = (await readdir(cacheDir)).filter(
      (n) =>
        n.startsWith('pglite-template-') && !n.includes('.tmp-') && join(cacheDir, n) !== template,
    )
    await Promise.all(stale.map((n) => rm(join(cacheDir, n), { recursive: true, force: true })))
  } catch {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined)
  }
}

/**
 * Removes the `.tmp-<pid>` folders of unpacks that will never finish: a server stopped within
 * seconds of its first start exits before its template is renamed into place. Such a folder
 * belongs to a process that is gone, or is older than any unpack takes. Never throws.
 */
export async function removeAbandonedUnpacks(now = Date.now()): Promise<string[]> {
  const names = await readdir(cacheDir).catch(() => [] as string[])
  const abandoned: string[] = []
  for (const name of names) {
    const pid = /^pglite-template-[0-9a-f]+\.tmp-(\d+)$/.exec(name)?.[1]
    if (!pid) continue
    const folder = join(cacheDir, name)
    const modified = await stat(folder).then(
      (s) => s.mtimeMs,
      () => null,
    )
    if (modified === null) continue
    if (!isRunning(Number(pid)) || now - modified > abandonedAfterMs) abandoned.push(folder)
  }
  await Promise.all(
    abandoned.map((f) => rm(f, { recursive: true, force: true }).catch(() => undefined)),
  )
  return abandoned
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: alive, only owned by someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
