import { z } from 'zod'
import { loadConfig, type Config } from '../server/config'
import { openAppDatabase, type AppDatabase } from '../server/platform/database'

/** What a command needs from outside: the environment and where to print. */
export type CliIo = {
  env: Record<string, string | undefined>
  out(text: string): void
  err(text: string): void
}

export class UsageError extends Error {}

export function config(io: CliIo, overrides: Partial<Config> = {}): Config {
  return Object.freeze({ ...loadConfig(io.env), ...overrides })
}

/**
 * Opens the database for an admin command. Embedded mode takes the data-folder lock, so this
 * refuses while a server runs on the same folder (see docs/decisions.md).
 */
export async function withDatabase<T>(
  io: CliIo,
  work: (database: AppDatabase, cfg: Config) => Promise<T>,
  onEvent?: (message: string, data?: Record<string, unknown>) => void,
): Promise<T> {
  const cfg = config(io)
  const database = await openAppDatabase(cfg, {
    purpose: 'cli',
    onEvent:
      onEvent ??
      ((message, data) => io.err(`${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`)),
  })
  try {
    return await work(database, cfg)
  } finally {
    await database.close()
  }
}

/** Validates options with a zod schema; a bad value is a usage error (exit 2) naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  const lines = parsed.error.issues.map(
    (i) => `--${kebab(i.path.join('.')) || 'options'}: ${i.message}`,
  )
  throw new UsageError(lines.join('\n'))
}

/** Prints data as JSON for scripts, or as `key: value` lines for people. */
export function print(io: CliIo, data: Record<string, unknown>, isJson: boolean): void {
  if (isJson) {
    io.out(`${JSON.stringify(data, null, 2)}\n`)
    return
  }
  const width = Math.max(...Object.keys(data).map((k) => k.length))
  for (const [k, v] of Object.entries(data)) {
    if (v === null || v === undefined) continue
    io.out(`${k.padEnd(width)}  ${typeof v === 'object' ? JSON.stringify(v) : String(v)}\n`)
  }
}
