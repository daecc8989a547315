import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

// The server under test as a child process, and what the bench asks of it.

export const adminEmail = 'bench@suhde.local'
export const adminPassword = 'bench-password-123'

export async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('server did not become ready in 60 s')
}

export function startServer(
  env: Record<string, string>,
  port: number,
  stdout: 'inherit' | 'pipe' = 'inherit',
): ChildProcess {
  // The same Node flags as `npm start` (package.json), so the memory measured is the served one.
  return spawn(process.execPath, ['--max-semi-space-size=8', 'bin/suhde.mjs', 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', stdout, 'inherit'],
  })
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return
  const exited = new Promise((r) => server.once('exit', r))
  server.kill('SIGINT')
  await exited
}

export function rssMb(pid: number | undefined): number {
  if (!pid) return 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return Math.round(kb / 1024)
  } catch {
    return 0
  }
}

/** Samples the server's RSS every 250 ms until stopped; returns the peak. */
export function rssSampler(pid: number | undefined): { stop(): number; peak(): number } {
  let peak = rssMb(pid)
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250)
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, rssMb(pid))
    },
  }
}

export async function signIn(base: string, workspaceId: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword, workspaceId }),
  })
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('no session cookie')
  return cookie
}
