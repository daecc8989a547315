// The duplicate scan as a job on a benchmark database: queue a scan of the "Bench" workspace,
// run it with the server's job runner in this process, and print the time of each step.
// Usage: npx tsx bench/duplicates.ts [--dataset standard|small] [--objectType all|contact|company]
//        [--fresh true]   (fresh: forget the workspace's earlier pairs first, as a first scan)
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import type { FastifyBaseLogger } from 'fastify'
import { sql } from 'kysely'
import { loadConfig } from '../src/server/config'
import { openDatabase } from '../src/server/db/client'
import type { Deps } from '../src/server/deps'
import { jobHandlers } from '../src/server/modules/jobs/job-handlers'
import { runQueuedJobs } from '../src/server/modules/jobs/job-runner'
import { enqueueJob, findWorkspaceJob } from '../src/server/modules/jobs/jobs.service'
import { duplicateScanJobType, planScan } from '../src/server/modules/duplicates/duplicate-scan'

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'standard' },
    objectType: { type: 'string', default: 'all' },
    fresh: { type: 'string', default: 'false' },
  },
})

const noop = () => undefined
const log = {
  info: noop,
  warn: noop,
  error: (...args: unknown[]) => process.stderr.write(`${JSON.stringify(args)}\n`),
  debug: noop,
  trace: noop,
  fatal: noop,
  child: () => log,
  level: 'warn',
  silent: noop,
} as unknown as FastifyBaseLogger

async function main() {
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/suhde_bench_${values.dataset}`
  const handle = await openDatabase({ databaseUrl, poolSize: 2 })
  const deps: Deps = { db: handle.db, engine: 'postgres', config: loadConfig({}), log }
  try {
    const ws = await sql<{ id: string; contacts: number; companies: number }>`
      select w.id,
        (select count(*)::int from contacts c where c.workspace_id = w.id and c.deleted_at is null) as contacts,
        (select count(*)::int from companies c where c.workspace_id = w.id and c.deleted_at is null) as companies
      from workspaces w where w.name = 'Bench'`.execute(handle.db)
    const bench = ws.rows[0]
    if (!bench) throw new Error('no Bench workspace: run npm run bench once to make the dataset')
    if (values.fresh === 'true')
      await handle.db
        .deleteFrom('duplicate_candidates')
        .where('workspace_id', '=', bench.id)
        .execute()
    const objectTypes =
      values.objectType === 'all' ? ['contact', 'company'] : [values.objectType ?? 'contact']
    const job = await enqueueJob(handle.db, {
      workspaceId: bench.id,
      type: duplicateScanJobType,
      payload: { objectTypes, recordId: null },
    })
    const started = performance.now()
    await runQueuedJobs(deps, jobHandlers)
    const seconds = (performance.now() - started) / 1000
    const done = await findWorkspaceJob(handle.db, bench.id, duplicateScanJobType, job.id)
    const progress = done?.progress as { found?: number; timings?: Record<string, number> }
    console.log(
      `duplicate scan (${objectTypes.join(' + ')}) of ${bench.contacts} contacts and ${bench.companies} companies`,
    )
    console.log(
      `status ${done?.status}${done?.last_error ? ` (${done.last_error})` : ''}: ${seconds.toFixed(1)} s, ${progress.found ?? 0} open pairs`,
    )
    for (const step of planScan({ objectTypes: objectTypes as never, recordId: null })) {
      const ms = progress.timings?.[step] ?? 0
      console.log(`  ${step.padEnd(20)} ${(ms / 1000).toFixed(1)} s`)
    }
    console.log(
      `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}, PostgreSQL server`,
    )
  } finally {
    await handle.close()
  }
}

await main()
