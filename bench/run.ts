// Benchmarks of the API against the same queries sent straight through the driver, in one run.
// Usage: npm run bench -- [get|list|search|create|bulk|mixed|all|import|export]
//        [--backend postgres|pglite] [--dataset small|standard] [--duration 20] [--connections 32]
//        [--rows 1000000] [--shape plain|company] [--raw true|false]   (import)
// The server runs as a child process; autocannon loads it from this process. `import` and
// `export` are job benchmarks (bench/jobs.ts); `all` means the autocannon ones.
import type { ChildProcess } from 'node:child_process'
import { execSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import type { ImportShape } from './import-file'
import { exportBench, importBench, type JobResult } from './jobs'
import { datasets, loadSample, prepareDatabase, type Backend } from './prepare'
import { rawBaselines, removeBenchWrites } from './raw'
import { reportJobResults, reportResults, type BenchResult } from './report'
import { scenarios, type Scenario, type ScenarioContext } from './scenarios'
import {
  adminEmail,
  adminPassword,
  rssMb,
  signIn,
  startServer,
  stopServer,
  waitForHealth,
} from './server'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'postgres' },
    dataset: { type: 'string', default: 'small' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '3900' },
    rows: { type: 'string', default: '1000000' },
    shape: { type: 'string', default: 'plain' },
    raw: { type: 'string', default: 'true' },
    // Import: `--profile true` writes a CPU profile of the server into bench/results.
    profile: { type: 'string', default: 'false' },
    // `--doc false` prints the tables without adding them to docs/benchmarks.md.
    doc: { type: 'string', default: 'true' },
  },
})
const backend = values.backend as Backend
const dataset = values.dataset as keyof typeof datasets
const duration = Number(values.duration)
const connections = Number(values.connections)
const port = Number(values.port)
const jobNames = ['import', 'export']
const wanted = [
  ...(positionals.length === 0 || positionals.includes('all') ? Object.keys(scenarios) : []),
  ...positionals.filter((p) => p !== 'all'),
]
const httpWanted = wanted.filter((n) => !jobNames.includes(n))

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

function meta() {
  return {
    backend,
    dataset,
    commit: execSync('git rev-parse --short HEAD').toString().trim(),
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  }
}

async function main() {
  for (const name of wanted)
    if (!scenarios[name] && !jobNames.includes(name))
      throw new Error(
        `unknown benchmark ${name}; choose from ${[...Object.keys(scenarios), ...jobNames].join(', ')}`,
      )
  const jobs: JobResult[] = []
  // The import makes and drops a database of its own, so the bench datasets stay as they are.
  if (wanted.includes('import'))
    jobs.push(
      await importBench({
        backend,
        rows: Number(values.rows),
        shape: values.shape as ImportShape,
        port,
        raw: values.raw !== 'false',
        profile: values.profile === 'true',
      }),
    )
  if (httpWanted.length || wanted.includes('export')) await runOnDataset(jobs)
  if (jobs.length) reportJobResults({ results: jobs, meta: meta(), write: values.doc !== 'false' })
}

async function runOnDataset(jobs: JobResult[]) {
  const prepared = await prepareDatabase({ backend, dataset, adminEmail, adminPassword })
  // Every run starts from the demo data alone; the embedded database is free for the server after.
  await removeBenchWrites(prepared)
  const raw = await rawBaselines(prepared, httpWanted, {
    duration: Math.min(duration, 10),
    concurrency: connections,
  })
  await removeBenchWrites(prepared)
  // The raw moves changed the stages of the sample's deals: the API run starts from where they are.
  prepared.sample = await loadSample(prepared.handle)
  await prepared.handle.close()
  const server = startServer(prepared.serverEnv, port)
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(base)
    const idleRss = rssMb(server.pid)
    const cookie = await signIn(base, prepared.sample.workspaceId)
    const ctx: ScenarioContext = { base, cookie, sample: prepared.sample }
    const results: BenchResult[] = []
    for (const name of httpWanted) {
      const s = scenarios[name]!
      const r = await runScenario(s, ctx, server)
      r.rawRequestsPerSec = raw[name]?.perSec
      r.rawP50 = raw[name]?.p50
      results.push(r)
      console.log(
        `${name}: ${Math.round(r.requestsPerSec)} req/s p50 ${r.p50} ms p99 ${r.p99} ms errors ${r.errors}`,
      )
    }
    if (wanted.includes('export')) {
      const r = await exportBench({ base, cookie, pid: server.pid })
      console.log(`export: ${r.rows} rows in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb} MB`)
      jobs.push(r)
    }
    if (results.length)
      reportResults({
        results,
        meta: { ...meta(), connections, duration, idleRssMb: idleRss },
      })
  } finally {
    await stopServer(server)
  }
}

await main()
