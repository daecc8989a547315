import { readFileSync, writeFileSync } from 'node:fs'

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
