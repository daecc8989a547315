// Benchmarks of the API against the same queries sent straight through the driver, in one run.
// Usage: npm run bench -- [get|list|search|create|bulk|mixed|all] [--backend postgres|pglite]
//        [--dataset small|standard] [--duration 20] [--connections 32]
// The server runs as a child process; autocannon loads it from this process.
import { spawn, type ChildProcess } from 'node:child_process'
import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { datasets, prepareDatabase, type Backend } from './prepare'
import { rawBaselines, removeBenchWrites } from './raw'
import { reportResults, type BenchResult } from './report'
import { scenarios, type Scenario, type ScenarioContext } from './scenarios'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'postgres' },
    dataset: { type: 'string', default: 'small' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '3900' },
  },
})
const backend = values.backend as Backend
const dataset = values.dataset as keyof typeof datasets
const duration = Number(values.duration)
const connections = Number(values.connections)
const port = Number(values.port)
const wanted =
  positionals.length === 0 || positionals.includes('all') ? Object.keys(scenarios) : positionals

const adminEmail = 'bench@suhde.local'
const adminPassword = 'bench-password-123'

async function waitForHealth(base: string): Promise<void> {
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

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['bin/suhde.mjs', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return child
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return Math.round(kb / 1024)
  } catch {
    return 0
  }
}

async function signIn(base: string, workspaceId: string): Promise<string> {
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

async function runScenario(
  s: Scenario,
  ctx: ScenarioContext,
  server: ChildProcess,
): Promise<BenchResult> {
  let peakRss = 0
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 250)
  const opts = s.autocannon(ctx)
  // Warm-up: a short run first so caches and JIT are in their steady state.
  await autocannon({
    ...opts,
    url: ctx.base,
    duration: 3,
    connections: opts.connections ?? connections,
  })
  const result = await autocannon({
    ...opts,
    url: ctx.base,
    duration,
    connections: opts.connections ?? connections,
  })
  clearInterval(sampler)
  return {
    name: s.name,
    requestsPerSec: result.requests.average,
    recordsPerSec: s.recordsPerRequest ? result.requests.average * s.recordsPerRequest : undefined,
    p50: result.latency.p50,
    p95: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peakRssMb: peakRss,
  }
}

async function main() {
  const prepared = await prepareDatabase({ backend, dataset, adminEmail, adminPassword })
  // Every run starts from the demo data alone; the embedded database is free for the server after.
  await removeBenchWrites(prepared)
  const raw = await rawBaselines(prepared, wanted, {
    duration: Math.min(duration, 10),
    concurrency: connections,
  })
  await removeBenchWrites(prepared)
  await prepared.handle.close()
  const server = startServer(prepared.serverEnv)
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(base)
    const idleRss = rssMb(server.pid)
    const cookie = await signIn(base, prepared.sample.workspaceId)
    const ctx: ScenarioContext = { base, cookie, sample: prepared.sample }
    const results: BenchResult[] = []
    for (const name of wanted) {
      const s = scenarios[name]
      if (!s)
        throw new Error(
          `unknown benchmark ${name}; choose from ${Object.keys(scenarios).join(', ')}`,
        )
      const r = await runScenario(s, ctx, server)
      r.rawRequestsPerSec = raw[name]?.perSec
      r.rawP50 = raw[name]?.p50
      results.push(r)
      console.log(
        `${name}: ${Math.round(r.requestsPerSec)} req/s p50 ${r.p50} ms p99 ${r.p99} ms errors ${r.errors}`,
      )
    }
    const commit = execSync('git rev-parse --short HEAD').toString().trim()
    reportResults({
      results,
      meta: {
        backend,
        dataset,
        commit,
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        connections,
        duration,
        idleRssMb: idleRss,
        node: process.version,
      },
    })
  } finally {
    server.kill('SIGINT')
    await new Promise((r) => server.once('exit', r))
  }
}

await main()
