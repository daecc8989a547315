import type { Config } from '../config'
import type { Db } from '../db/client'
import { newToken } from '../lib/passwords'
import { markPasswordGenerated } from '../modules/auth/me.service'
import { createWorkspace, hasAnyWorkspace } from '../modules/workspaces/workspaces.service'

export const defaultAdminEmail = 'admin@suhde.local'

export type FirstRun = {
  workspaceId: string
  email: string
  /** Set only when Suhde made the password up; it is shown once and never stored in clear. */
  generatedPassword: string | null
}

/** A readable one-time password: no look-alike characters, 16 of them (about 90 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = Buffer.from(newToken(32), 'base64url')
  let out = ''
  for (const b of bytes) {
    if (out.length === 16) break
    // 216 = 4 × 54 keeps the pick unbiased.
    if (b < 216) out += alphabet[b % alphabet.length]
  }
  return out.length === 16 ? out : generatePassword()
}

/**
 * The first start makes a workspace and its admin: SUHDE_ADMIN_EMAIL (else admin@suhde.local)
 * with SUHDE_ADMIN_PASSWORD, or without it a generated password printed once. Non-interactive
 * installs set both. Later starts do nothing.
 */
export async function ensureFirstWorkspace(db: Db, config: Config): Promise<FirstRun | null> {
  if (await hasAnyWorkspace(db)) return null
  const email = config.adminEmail ?? defaultAdminEmail
  const password = config.adminPassword ?? generatePassword()
  const { workspaceId, userId } = await createWorkspace(db, {
    name: config.workspaceName,
    adminEmail: email,
    adminName: 'Admin',
    adminPassword: password,
  })
  if (!config.adminPassword) await markPasswordGenerated({ db }, userId)
  return { workspaceId, email, generatedPassword: config.adminPassword ? null : password }
}

export function firstRunMessage(run: FirstRun, url: string): string {
  if (!run.generatedPassword) {
    return `Created the workspace and its admin ${run.email} (password from SUHDE_ADMIN_PASSWORD).`
  }
  const line = '─'.repeat(72)
  return [
    line,
    `  Sign in at ${url} as ${run.email} with password ${run.generatedPassword}`,
    '  This password is shown only once; change it under your profile.',
    line,
  ].join('\n')
}
