import { spawnSync } from 'node:child_process'
import type { Command } from 'commander'
import { backupNow } from '../../server/maintenance/maintenance.service'
import { writeBackup } from '../../server/maintenance/backup'
import { config, withDatabase, type CliIo } from '../context'

/** A backup of the embedded database: to `out`, or into the backups folder (kept with the rest). */
export async function runBackup(io: CliIo, out?: string): Promise<{ file: string }> {
  const cfg = config(io)
  if (cfg.databaseUrl) return backupServer(cfg.databaseUrl, out)
  return withDatabase(io, async (database) => {
    const pglite = database.pglite
    if (!pglite || !database.backupsDir) throw new Error('No embedded database is open')
    if (out) return { file: await writeBackup(pglite, { file: out, reason: 'manual' }) }
    const embedded = {
      db: database.db,
      pglite,
      backupsDir: database.backupsDir,
      backupsKeep: cfg.backupsKeep,
    }
    return { file: await backupNow(embedded, 'manual') }
  })
}

// A PostgreSQL server has its own tools; Suhde only calls pg_dump when it is installed.
function backupServer(url: string, out?: string): { file: string } {
  const file = out ?? `suhde-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`
  const r = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, url], { stdio: 'inherit' })
  if (r.error || r.status !== 0) {
    throw new Error(
      'suhde backup makes files of the embedded database. For a PostgreSQL server, install ' +
        'pg_dump (PostgreSQL client tools) or use your provider’s backups.',
    )
  }
  return { file }
}

export function registerBackup(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('Back up the database (embedded: a .tar.gz of the data folder; server: pg_dump)')
    .option('--out <file>', 'where to write it (default: the backups folder in the data folder)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { out?: string; json?: boolean }) => {
      const result = await runBackup(io, opts.out)
      if (opts.json) io.out(`${JSON.stringify(result)}\n`)
      else io.out(`Backup written to ${result.file}\n`)
    })
}
