import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { loadConfig } from '../src/server/config'
import type { DbHandle } from '../src/server/db/client'
import { dataLayout } from '../src/server/maintenance/layout'
import { openAppDatabase } from '../src/server/platform/database'
import { sql } from 'kysely'
import { addDemoSales } from '../src/server/demo/demo-sales.service'
import { countDemoDeals } from '../src/server/demo/demo-sales.repo'

export type Backend = 'postgres' | 'pglite'

// Sizes from PERFORMANCE.md; "standard" takes a while to generate once, then is reused.
export const datasets = {
  small: { contacts: 10_000, companies: 1_000, activities: 20_000, deals: 2_000 },
  standard: { contacts: 1_000_000, companies: 100_000, activities: 2_000_000, deals: 200_000 },
} as const

export type Sample = {
  workspaceId: string
  contactIds: string[]
  lastNames: string[]
  /** The pipeline with the most open deals (the board benchmark) and two of its stages. */
  pipelineId: string
  moveStageIds: [string, string]
  /** Open deals in those stages, which the move benchmark moves back and forth. */
  deals: { id: string; stageId: string }[]
}
export type Prepared = {
  backend: Backend
  serverEnv: Record<string, string>
  handle: DbHandle
  sample: Sample
}

const serverRoot = 'postgres://postgres@127.0.0.1:5432'

function cli(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, ['bin/suhde.mjs', ...args], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  })
}

async function ensurePostgresDatabase(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: `${serverRoot}/postgres` })
  await admin.connect()
  const exists =
    (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
  if (!exists) await admin.query(`create database ${name}`)
  await admin.end()
  return exists
}

async function hasDemo(handle: DbHandle): Promise<boolean> {
  try {
    const r = await sql<{
      n: number
    }>`select count(*)::int as n from workspaces where name = 'Bench'`.execute(handle.db)
    return (r.rows[0]?.n ?? 0) > 0
  } catch {
    return false
  }
}

export async function loadSample(handle: DbHandle): Promise<Sample> {
  const ws = await sql<{ id: string }>`select id from workspaces where name = 'Bench'`.execute(
    handle.db,
  )
  const workspaceId = ws.rows[0]?.id
  if (!workspaceId) throw new Error('bench workspace missing')
  const rows = await sql<{ id: string; last_name: string }>`
    select id, last_name from contacts where workspace_id = ${workspaceId} and deleted_at is null
    order by id limit 2000`.execute(handle.db)
  const pipeline = await sql<{ pipeline_id: string }>`
    select pipeline_id from deals where workspace_id = ${workspaceId} and status = 'open'
      and deleted_at is null
    group by pipeline_id order by count(*) desc limit 1`.execute(handle.db)
  const pipelineId = pipeline.rows[0]?.pipeline_id
  if (!pipelineId) throw new Error('bench workspace has no open deals')
  // The second and third stage: moving into the third passes its field gate (demo deals all
  // have an amount and a close date), so every move is a real stage change with its checks.
  const stages = await sql<{ id: string }>`
    select id from pipeline_stages where workspace_id = ${workspaceId} and pipeline_id = ${pipelineId}
    order by position limit 3`.execute(handle.db)
  const [, from, to] = stages.rows.map((r) => r.id)
  if (!from || !to) throw new Error('bench pipeline needs three stages')
  const deals = await sql<{ id: string; stage_id: string }>`
    select id, stage_id from deals where workspace_id = ${workspaceId} and stage_id in (${from}, ${to})
      and status = 'open' and deleted_at is null and amount > 0
    order by id limit 2000`.execute(handle.db)
  return {
    workspaceId,
    contactIds: rows.rows.map((r) => r.id),
    lastNames: [...new Set(rows.rows.map((r) => r.last_name))],
    pipelineId,
    moveStageIds: [from, to],
    deals: deals.rows.map((r) => ({ id: r.id, stageId: r.stage_id })),
  }
}

/** A bench database made before the demo had deals gets them added once (not recreated). */
async function ensureDeals(handle: DbHandle, size: (typeof datasets)[keyof typeof datasets]) {
  const ws = await sql<{ id: string }>`select id from workspaces where name = 'Bench'`.execute(
    handle.db,
  )
  const workspaceId = ws.rows[0]?.id
  if (!workspaceId || (await countDemoDeals(handle.db, workspaceId)) > 0) return
  console.log(`adding ${size.deals} deals to the bench workspace…`)
  let last = 0
  await addDemoSales(handle.db, {
    workspaceId,
    deals: size.deals,
    companies: size.companies,
    contacts: size.contacts,
    onProgress: (what, done, total) => {
      if (Date.now() - last < 5000 && done < total) return
      console.log(`${what}: ${done}/${total}`)
      last = Date.now()
    },
  })
}

/** Creates the bench database and its demo data once; later runs reuse it. */
export async function prepareDatabase(opts: {
  backend: Backend
  dataset: keyof typeof datasets
  adminEmail: string
  adminPassword: string
}): Promise<Prepared> {
  const size = datasets[opts.dataset]
  const env: Record<string, string> =
    opts.backend === 'postgres'
      ? { DATABASE_URL: `${serverRoot}/suhde_bench_${opts.dataset}` }
      : { SUHDE_DATA_DIR: resolve(join('bench', 'data', opts.dataset)) }
  if (opts.backend === 'postgres') await ensurePostgresDatabase(`suhde_bench_${opts.dataset}`)
  else mkdirSync(env.SUHDE_DATA_DIR!, { recursive: true })
  const config = loadConfig({ ...process.env, ...env })
  const probe =
    opts.backend === 'postgres' ||
    existsSync(join(dataLayout(config.dataDir).database, 'PG_VERSION'))
  let ready = false
  if (probe) {
    const h = await openAppDatabase(config, { purpose: 'bench' })
    ready = await hasDemo(h)
    await h.close()
  }
  if (!ready) {
    cli(['migrate'], env)
    // The bench admin is made first with a known password; the demo makes it admin of "Bench".
    cli(
      [
        'workspace',
        'create',
        '--name',
        'Bench admin',
        '--admin-email',
        opts.adminEmail,
        '--admin-password',
        opts.adminPassword,
      ],
      env,
    )
    cli(
      [
        'demo',
        '--workspace',
        'Bench',
        '--admin-email',
        opts.adminEmail,
        '--contacts',
        String(size.contacts),
        '--companies',
        String(size.companies),
        '--activities',
        String(size.activities),
        '--deals',
        String(size.deals),
      ],
      env,
    )
  }
  const handle = await openAppDatabase(config, { purpose: 'bench', poolSize: 10 })
  await ensureDeals(handle, size)
  const sample = await loadSample(handle)
  // The embedded database is one process: the raw baseline runs first, then the server opens it.
  const serverEnv = {
    ...env,
    SUHDE_ADMIN_EMAIL: opts.adminEmail,
    SUHDE_ADMIN_PASSWORD: opts.adminPassword,
  }
  return { backend: opts.backend, serverEnv, handle, sample }
}
