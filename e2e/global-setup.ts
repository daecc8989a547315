import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

// E2E_DATABASE_URL runs the server on an existing PostgreSQL database instead of a fresh
// embedded one, signed in as E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD: how performance.e2e.ts is
// measured on the standard benchmark dataset (see docs/benchmarks.md). Other files expect the
// fresh database. E2E_WORKSPACE_ID picks the workspace when the admin has several.
const external = process.env.E2E_DATABASE_URL
export const adminEmail = (external && process.env.E2E_ADMIN_EMAIL) || 'e2e-admin@suhde.local'
export const adminPassword = (external && process.env.E2E_ADMIN_PASSWORD) || 'e2e-password-123'
export const screenshotDir = resolve('test-results/screenshots')

// Module augmentation of Vitest's provide/inject needs an interface.
declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    sessionCookie: string
    /** 'fresh' (an empty embedded database) or 'external' (E2E_DATABASE_URL). */
    dataset: 'fresh' | 'external'
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the server did not answer /api/v1/health in 90 s')
}

// One session for every test file: the login route allows 10 tries a minute per address.
async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: adminEmail,
      password: adminPassword,
      // A benchmark admin may belong to several workspaces; E2E_WORKSPACE_ID picks one.
      ...(external && process.env.E2E_WORKSPACE_ID
        ? { workspaceId: process.env.E2E_WORKSPACE_ID }
        : {}),
    }),
  })
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = /suhde_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
  if (!cookie) throw new Error('sign-in set no session cookie')
  return cookie
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      done()
    })
    child.kill('SIGINT')
  })
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'suhde-e2e-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['bin/suhde.mjs', 'serve'], {
    env: {
      ...process.env,
      SUHDE_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SUHDE_ADMIN_EMAIL: adminEmail,
      SUHDE_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(external ? { DATABASE_URL: external } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  try {
    await waitForHealth(base, child)
    project.provide('baseUrl', base)
    project.provide('dataset', external ? 'external' : 'fresh')
    project.provide('sessionCookie', await signIn(base))
  } catch (error) {
    await stop(child)
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  console.log(`e2e: server at ${base}, data in ${dataDir}`)

  return async () => {
    await stop(child)
    rmSync(dataDir, { recursive: true, force: true })
    console.log(`e2e: screenshots saved in ${screenshotDir}`)
  }
}
