import type { Command } from 'commander'
import { restoreBackup } from '../../server/maintenance/backup'
import { lockDataDir } from '../../server/maintenance/data-lock'
import { dataLayout } from '../../server/maintenance/layout'
import { config, UsageError, type CliIo } from '../context'

/**
 * Restores an embedded backup into the data folder, under the same lock as the server. The
 * database it replaces is kept beside it, so a wrong restore can be undone by hand.
 */
export async function runRestore(io: CliIo, file: string, opts: { force?: boolean }) {
  const cfg = config(io)
  if (cfg.databaseUrl) {
    throw new UsageError(
      'suhde restore loads embedded backups. For a PostgreSQL server use pg_restore.',
    )
  }
  const layout = dataLayout(cfg.dataDir)
  const lock = lockDataDir(layout.root, 'restore')
  try {
    const { previous } = await restoreBackup(file, layout.database, opts)
    return { restored: file, into: layout.database, previous }
  } finally {
    lock.release()
  }
}

export function registerRestore(program: Command, io: CliIo): void {
  program
    .command('restore <file>')
    .description('Restore an embedded backup (.tar.gz) into the data folder')
    .option('--force', 'replace an existing database (it is kept beside it)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const result = await runRestore(io, file, opts)
      if (opts.json) io.out(`${JSON.stringify(result)}\n`)
      else {
        io.out(`Restored ${result.restored} into ${result.into}\n`)
        if (result.previous) io.out(`The previous database is kept in ${result.previous}\n`)
      }
    })
}
