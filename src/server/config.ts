/* eslint-disable no-restricted-syntax -- the one module that reads the environment */
import { resolve } from 'node:path'
import { z } from 'zod'

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z.string().url().optional(),
  SUHDE_DATA_DIR: z.string().min(1).default('./data'),
  SUHDE_ADMIN_EMAIL: z.string().email().optional(),
  SUHDE_ADMIN_PASSWORD: z.string().min(10).optional(),
  SUHDE_WORKSPACE_NAME: z.string().min(1).default('Suhde'),
  SUHDE_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  SUHDE_BACKUPS_KEEP: z.coerce.number().int().min(1).default(7),
  SUHDE_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = Readonly<{
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  adminEmail: string | undefined
  adminPassword: string | undefined
  workspaceName: string
  bodyLimit: number
  backupsKeep: number
  secureCookies: boolean
  logLevel: string
}>

export class ConfigError extends Error {}

/** Reads the environment once; a bad value lists every problem rather than failing later. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.SUHDE_DATA_DIR),
    adminEmail: e.SUHDE_ADMIN_EMAIL,
    adminPassword: e.SUHDE_ADMIN_PASSWORD,
    workspaceName: e.SUHDE_WORKSPACE_NAME,
    bodyLimit: e.SUHDE_BODY_LIMIT,
    backupsKeep: e.SUHDE_BACKUPS_KEEP,
    secureCookies: e.SUHDE_SECURE_COOKIES,
    logLevel: e.LOG_LEVEL,
  })
}
