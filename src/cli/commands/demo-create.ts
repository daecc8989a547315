import type { Command } from 'commander'
import { z } from 'zod'
import { emailSchema } from '../../shared/common.schema'
import { createDemo } from '../../server/demo/demo.service'
import { defaultAdminEmail } from '../../server/platform/first-run'
import { parseOptions, print, withDatabase, type CliIo } from '../context'

const count = (fallback: number) =>
  z.coerce.number().int().min(0).max(100_000_000).default(fallback)

export const demoOptions = z.object({
  workspace: z.string().trim().min(1).max(200).default('Demo Oy'),
  adminEmail: emailSchema.default(defaultAdminEmail),
  companies: count(200),
  contacts: count(1000),
  activities: count(2000),
  deals: z.coerce.number().int().min(0).max(100_000_000).optional(),
  seed: z.coerce.number().int().default(1),
  json: z.boolean().optional(),
})

export async function runDemo(io: CliIo, raw: unknown, onProgress?: (line: string) => void) {
  const opts = parseOptions(demoOptions, raw)
  return withDatabase(io, (database) =>
    createDemo(database.db, {
      workspaceName: opts.workspace,
      adminEmail: opts.adminEmail,
      companies: opts.companies,
      contacts: opts.contacts,
      activities: opts.activities,
      deals: opts.deals,
      seed: opts.seed,
      onProgress: (what, done, total) => onProgress?.(`${what}: ${done}/${total}`),
    }),
  )
}

export function registerDemo(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('Create a realistic Finnish demo workspace of any size')
    .option('--workspace <name>', 'workspace name', 'Demo Oy')
    .option('--admin-email <email>', 'admin of the demo workspace', defaultAdminEmail)
    .option('--companies <n>', 'number of companies', '200')
    .option('--contacts <n>', 'number of contacts', '1000')
    .option('--activities <n>', 'number of activities', '2000')
    .option('--deals <n>', 'number of deals (default: one for every five contacts)')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .option('--json', 'print the result as JSON')
    .action(async (raw: Record<string, unknown>) => {
      let last = 0
      const result = await runDemo(io, raw, (line) => {
        // Progress at most once a second, on stderr, so --json output stays clean.
        if (Date.now() - last > 1000) io.err(`${line}\n`)
        last = Date.now()
      })
      print(io, result, Boolean(raw.json))
      if (!raw.json) {
        const who = result.isAdminNew ? `${result.adminEmail} or ` : ''
        io.out(`Sign in as ${who}any demo user above with password ${result.password}\n`)
      }
    })
}
