import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, inject } from 'vitest'
import { adminEmail, adminPassword, screenshotDir } from './global-setup'

export { adminEmail, adminPassword }

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

export const baseUrl = () => inject('baseUrl')

export type Session = { browser: Browser; context: BrowserContext; page: Page }

/**
 * One browser and one fresh context per test file, signed in with the shared session unless
 * `signedIn: false`. Returns a holder filled in beforeAll.
 */
export function useBrowser(options: { signedIn?: boolean } = {}): Session {
  const session = {} as Session
  beforeAll(async () => {
    session.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
    })
    session.context = await newContext(session.browser, options.signedIn ?? true)
    session.page = await session.context.newPage()
  })
  // What the page showed when a test failed, to read next to the error in CI.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !session.page || session.page.isClosed()) return
    await screenshot(session.page, `failed-${task.name.replace(/\W+/g, '-').slice(0, 80)}`)
  })
  afterAll(async () => {
    await session.context?.close()
    await session.browser?.close()
  })
  return session
}

export async function newContext(
  browser: Browser,
  signedIn: boolean,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'en-US',
    colorScheme,
    viewport: { width: 1366, height: 900 },
  })
  context.setDefaultTimeout(15_000)
  if (signedIn) {
    const { hostname } = new URL(baseUrl())
    await context.addCookies([
      { name: 'suhde_session', value: inject('sessionCookie'), domain: hostname, path: '/' },
    ])
  }
  return context
}

/** Signs in through the form, as a person would. */
export async function signInWithForm(page: Page, email = adminEmail, password = adminPassword) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

/** A JSON call to the API with the shared session, for seeding data the test is not about. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: {
      cookie: `suhde_session=${inject('sessionCookie')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}

/** A name no other test or run uses, so tests can find their own records. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

const require = createRequire(import.meta.url)
export const axePath = require.resolve('axe-core/axe.min.js')
