import type { Command } from 'commander'
import { pendingMigrations } from '../../server/db/migrate'
import { print, withDatabase, type CliIo } from '../context'

/** Applies pending migrations (the server also does so when it starts). */
export async function runMigrate(io: CliIo): Promise<{ applied: string[]; engine: string }> {
  const applied: string[] = []
  const engine = await withDatabase(
    io,
    async (database) => {
      // Opening applied them; this re-checks the checksums and that nothing is left.
      const left = await pendingMigrations(database.db)
      if (left.length) throw new Error(`Migrations left: ${left.map((m) => m.id).join(', ')}`)
      return database.engine
    },
    (message, data) => {
      if (Array.isArray(data?.applied)) applied.push(...(data.applied as string[]))
      else io.err(`${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`)
    },
  )
  return { applied, engine }
}

export function registerMigrate(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (backing up embedded data first)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await runMigrate(io)
      if (opts.json) return print(io, result, true)
      io.out(
        result.applied.length
          ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}\n`
          : 'The database is up to date.\n',
      )
    })
}
