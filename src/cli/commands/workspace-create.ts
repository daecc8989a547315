import type { Command } from 'commander'
import { z } from 'zod'
import { passwordSchema } from '../../shared/auth.schema'
import { emailSchema } from '../../shared/common.schema'
import { createWorkspace } from '../../server/modules/workspaces/workspaces.service'
import { parseOptions, print, withDatabase, type CliIo } from '../context'

export const workspaceCreateOptions = z.object({
  name: z.string().trim().min(1).max(200),
  adminEmail: emailSchema,
  adminPassword: passwordSchema,
  json: z.boolean().optional(),
})

export async function runWorkspaceCreate(io: CliIo, raw: unknown) {
  const opts = parseOptions(workspaceCreateOptions, raw)
  return withDatabase(io, (database) =>
    createWorkspace(database.db, {
      name: opts.name,
      adminEmail: opts.adminEmail,
      adminPassword: opts.adminPassword,
    }),
  )
}

export function registerWorkspaceCreate(parent: Command, io: CliIo): void {
  parent
    .command('create')
    .description('Create a workspace and its first admin (an existing user keeps their password)')
    .requiredOption('--name <name>', 'workspace name')
    .requiredOption('--admin-email <email>', 'email of the admin')
    .requiredOption('--admin-password <password>', 'password of a new admin (10+ characters)')
    .option('--json', 'print the result as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const result = await runWorkspaceCreate(io, raw)
      print(io, result, Boolean(raw.json))
    })
}
