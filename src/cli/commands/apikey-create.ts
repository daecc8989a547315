import type { Command } from 'commander'
import { z } from 'zod'
import { emailSchema } from '../../shared/common.schema'
import { apiKeyScopes } from '../../shared/permissions'
import { createApiKey } from '../../server/platform/admin.service'
import { silentLogger } from '../../server/platform/silent-logger'
import { parseOptions, print, withDatabase, type CliIo } from '../context'

export const apiKeyCreateOptions = z.object({
  workspace: z.string().trim().min(1),
  userEmail: emailSchema,
  name: z.string().trim().min(1).max(200),
  scopes: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(apiKeyScopes)).min(1)),
  json: z.boolean().optional(),
})

export async function runApiKeyCreate(io: CliIo, raw: unknown) {
  const opts = parseOptions(apiKeyCreateOptions, raw)
  return withDatabase(io, (database, cfg) =>
    createApiKey(
      { db: database.db, engine: database.engine, config: cfg, log: silentLogger },
      opts,
    ),
  )
}

export function registerApiKeyCreate(parent: Command, io: CliIo): void {
  parent
    .command('create')
    .description('Make an API key acting as a member; the key is printed once')
    .requiredOption('--workspace <id|name>', 'the workspace')
    .requiredOption('--user-email <email>', 'the member the key acts for')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--scopes <a,b>', 'comma-separated, e.g. contacts:read,companies:write or *')
    .option('--json', 'print the result as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const result = await runApiKeyCreate(io, raw)
      print(io, result, Boolean(raw.json))
      if (!raw.json) io.out('Store the key now; it is not shown again.\n')
    })
}
