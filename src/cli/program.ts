import { Command, CommanderError } from 'commander'
import { ConfigError } from '../server/config'
import { MigrationChangedError } from '../server/db/migrate'
import { registerApiKeyCreate } from './commands/apikey-create'
import { registerBackup } from './commands/db-backup'
import { registerMigrate } from './commands/db-migrate'
import { registerRestore } from './commands/db-restore'
import { registerDemo } from './commands/demo-create'
import { registerServe } from './commands/serve'
import { registerUserCreate } from './commands/user-create'
import { registerUserResetPassword } from './commands/user-reset-password'
import { registerWorkspaceCreate } from './commands/workspace-create'
import { UsageError, type CliIo } from './context'

export function buildProgram(io: CliIo): Command {
  const program = new Command('suhde')
    .description('Suhde — open-source CRM')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
  registerServe(program, io)
  registerMigrate(program, io)
  registerWorkspaceCreate(program.command('workspace').description('Workspaces'), io)
  const user = program.command('user').description('Users of a workspace')
  registerUserCreate(user, io)
  registerUserResetPassword(user, io)
  registerApiKeyCreate(program.command('apikey').description('API keys'), io)
  registerDemo(program, io)
  registerBackup(program, io)
  registerRestore(program, io)
  // Sub-command groups inherit the settings that make errors testable and exit codes right.
  for (const c of program.commands)
    c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err })
  return program
}

/** Runs the CLI and returns the exit code: 0, 1 for a failed command, 2 for a usage error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' })
    return 0
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has printed the problem or the help; help asked for is 0, otherwise usage.
      return err.exitCode === 0 ? 0 : 2
    }
    if (err instanceof UsageError) {
      io.err(`${err.message}\n`)
      return 2
    }
    const known = err instanceof ConfigError || err instanceof MigrationChangedError
    const message = err instanceof Error ? err.message : String(err)
    io.err(`${message}\n`)
    if (!known && err instanceof Error && io.env.DEBUG) io.err(`${err.stack}\n`)
    return 1
  }
}
