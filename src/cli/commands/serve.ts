import type { Command } from 'commander'
import { z } from 'zod'
import { startServer } from '../../server/main'
import { config, parseOptions, type CliIo } from '../context'

const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  dev: z.boolean().optional(),
})

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('Run the Suhde server (embedded database in ./data unless DATABASE_URL is set)')
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .option('--host <host>', 'address to listen on (default HOST or localhost)')
    .option('--dev', 'development mode (more logging)')
    .action(async (raw: unknown) => {
      const opts = parseOptions(optionsSchema, raw)
      const base = config(io)
      const cfg = opts.dev ? { ...base, env: 'development' as const, logLevel: 'debug' } : base
      await startServer({
        config: cfg,
        port: opts.port,
        host: opts.host,
        handleSignals: true,
        print: io.out,
      })
    })
}
