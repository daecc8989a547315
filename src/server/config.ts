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
  // Privacy links (double opt-in, preference centre) point here and are signed with the secret.
  SUHDE_PUBLIC_URL: z.string().url().optional(),
  SUHDE_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().url().optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default('Suhde <no-reply@localhost>'),
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
  /** Base URL of links in emails; defaults to http://HOST:PORT. */
  publicUrl: string
  /** Signs privacy links; when unset one is generated and kept in the database. */
  secret: string | undefined
  /** Outgoing mail; null when no SMTP server is configured (sending then fails clearly). */
  smtp: SmtpConfig | null
}>

export type SmtpConfig = Readonly<{
  url: string | undefined
  host: string | undefined
  port: number
  user: string | undefined
  pass: string | undefined
  from: string
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
    publicUrl: (e.SUHDE_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    secret: e.SUHDE_SECRET,
    smtp:
      e.SMTP_URL || e.SMTP_HOST
        ? Object.freeze({
            url: e.SMTP_URL,
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            user: e.SMTP_USER,
            pass: e.SMTP_PASS,
            from: e.SMTP_FROM,
          })
        : null,
  })
}
