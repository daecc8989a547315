import type { Command } from 'commander'
import { z } from 'zod'
import { passwordSchema } from '../../shared/auth.schema'
import { emailSchema } from '../../shared/common.schema'
import { resetPassword } from '../../server/platform/admin.service'
import { parseOptions, print, withDatabase, type CliIo } from '../context'

export const resetPasswordOptions = z.object({
  email: emailSchema,
  password: passwordSchema.optional(),
  json: z.boolean().optional(),
})

export async function runUserResetPassword(io: CliIo, raw: unknown) {
  const opts = parseOptions(resetPasswordOptions, raw)
  return withDatabase(io, (database) => resetPassword(database.db, opts))
}

export function registerUserResetPassword(parent: Command, io: CliIo): void {
  parent
    .command('reset-password')
    .description('Set a new password (generated unless given) and sign the user out everywhere')
    .requiredOption('--email <email>', 'the user’s email')
    .option('--password <password>', 'the new password (10+ characters)')
    .option('--json', 'print the result as JSON')
    .action(async (raw: Record<string, unknown>) => {
      const result = await runUserResetPassword(io, raw)
      print(io, result, Boolean(raw.json))
    })
}
