import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import type { JobResult } from './jobs'

export type BenchResult = {
  name: string
  requestsPerSec: number
  recordsPerSec?: number
  p50: number
  p95: number
  p99: number
  errors: number
  peakRssMb: number
  rawRequestsPerSec?: number
  rawP50?: number
}

type Meta = {
  backend: string
  dataset: string
  commit: string
  cores: number
  memoryGb: number
  connections: number
  duration: number
  idleRssMb: number
  node: string
}

const docPath = 'docs/benchmarks.md'
const marker = '<!-- newest first -->'

/** Prints the table and puts it at the top of docs/benchmarks.md. */
export function reportResults({ results, meta }: { results: BenchResult[]; meta: Meta }): void {
  const rows = results.map((r) => {
    const ratio = r.rawRequestsPerSec ? (r.rawRequestsPerSec / r.requestsPerSec).toFixed(2) : '–'
    const rate = r.recordsPerSec
      ? `${Math.round(r.recordsPerSec)} records/s`
      : `${Math.round(r.requestsPerSec)} req/s`
    const raw = r.rawRequestsPerSec
      ? `${Math.round(r.rawRequestsPerSec * (r.recordsPerSec ? r.recordsPerSec / r.requestsPerSec : 1))}/s, p50 ${r.rawP50} ms`
      : '–'
    return `| ${r.name} | ${rate} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${raw} | ${ratio} | ${r.peakRssMb} |`
  })
  const section = [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${meta.backend}, ${meta.dataset} dataset, commit ${meta.commit}`,
    '',
    `Machine: ${meta.cores} cores, ${meta.memoryGb} GiB; Node ${meta.node}; autocannon ${meta.connections} connections (unless the scenario sets its own), ${meta.duration} s after a 3 s warm-up; server RSS idle ${meta.idleRssMb} MB.`,
    '',
    '| benchmark | throughput | p50 ms | p97.5 ms | p99 ms | errors | raw driver (same query) | overhead (raw/API) | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
  console.log(`\n${section}`)
  let doc: string
  try {
    doc = readFileSync(docPath, 'utf8')
  } catch {
    doc = `# Benchmarks\n\nRun with \`npm run bench -- all --backend postgres --dataset standard\`. See bench/ and PERFORMANCE.md.\n\n${marker}\n`
  }
  if (!doc.includes(marker)) doc += `\n${marker}\n`
  writeFileSync(docPath, doc.replace(marker, `${marker}\n\n${section}`))
}

type JobMeta = Omit<Meta, 'connections' | 'duration' | 'idleRssMb'>

/** The job benchmarks (import, export) as their own table at the top of docs/benchmarks.md. */
export function reportJobResults({
  results,
  meta,
  write = true,
}: {
  results: JobResult[]
  meta: JobMeta
  write?: boolean
}): void {
  const rows = results.map((r) => {
    const raw = r.raw
      ? `${Math.round(r.raw.rowsPerSec)} rows/s (${r.raw.seconds.toFixed(1)} s): ${r.raw.what}`
      : '–'
    return `| ${r.name} | ${r.rows} | ${r.seconds.toFixed(1)} | ${Math.round(r.rowsPerSec)} | ${r.peakRssMb} | ${raw} | ${r.detail} |`
  })
  const section = [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — jobs, ${meta.backend}, commit ${meta.commit}`,
    '',
    `Machine: ${meta.cores} cores, ${meta.memoryGb} GiB, load average ${loadavg()[0]?.toFixed(1)} at the end (shared with other work); Node ${meta.node}; dataset ${meta.dataset} (export).`,
    '',
    '| benchmark | rows | seconds | rows/s | peak server RSS MB | raw baseline | notes |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
  console.log(`\n${section}`)
  if (!write) return
  const doc = readFileSync(docPath, 'utf8')
  writeFileSync(
    docPath,
    doc.includes(marker) ? doc.replace(marker, `${marker}\n\n${section}`) : `${doc}\n${section}`,
  )
}
