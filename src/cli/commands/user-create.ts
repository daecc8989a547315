import type { Command } from 'commander'
import { z } from 'zod'
import { passwordSchema } from '../../shared/auth.schema'
import { emailSchema } from '../../shared/common.schema'
import { roles, visibilityScopes } from '../../shared/permissions'
import { createUser } from '../../server/platform/admin.service'
import { parseOptions, print, withDatabase, type CliIo } from '../context'

export const userCreateOptions = z.object({
  workspace: z.string().trim().min(1),
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  scope: z.enum(visibilityScopes).default('all'),
  password: passwordSchema.optional(),
  json: z.boolean().optional(),
})

export async function runUserCreate(io: CliIo, raw: unknown) {
  const opts = parseOptions(userCreateOptions, raw)
  return withDatabase(io, (database) => createUser(database.db, opts))
}

export function registerUserCreate(parent: Command, io: CliIo): void {
  parent
    .command('create')
    .description('Add a user to a workspace; prints a generated password if none is given')
    .requiredOption('--workspace <id|name>', 'the workspace')
    .requiredOption('--email <email>', 'the user’s email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--scope <scope>', `records they see: ${visibilityScopes.join(', ')}`, 'all')
    .option('--password <password>', 'password (10+ characters)')
    .option('--json', 'print the result as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const result = await runUserCreate(io, raw)
      print(io, result, Boolean(raw.json))
      if (!raw.json && result.password) io.out('Give the password to the user; it is shown once.\n')
    })
}
