import { execFileSync, type ChildProcess } from 'node:child_process'
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { createInterface } from 'node:readline'
import pg from 'pg'
import { sql } from 'kysely'
import { loadConfig } from '../src/server/config'
import * as fi from '../src/server/demo/finnish-data'
import { asciiSlug } from '../src/server/demo/generate'
import { mobileNumber } from '../src/server/demo/generate-people'
import { rngFor } from '../src/server/demo/random'
import { newId } from '../src/server/lib/ids'
import { searchText } from '../src/server/modules/contacts/contacts.repo'
import { openAppDatabase } from '../src/server/platform/database'
import { importFile, type ImportShape } from './import-file'
import type { Backend } from './prepare'
import {
  adminEmail,
  adminPassword,
  rssMb,
  rssSampler,
  signIn,
  startServer,
  stopServer,
  waitForHealth,
} from './server'

// The two job benchmarks: a whole CSV import through the API (upload, mapping with email dedupe,
// start, poll until done) on a database of its own, and a streamed CSV export of the standard
// dataset's contacts, timed to the last byte. Both sample the server's RSS every 250 ms.

export type JobResult = {
  name: string
  rows: number
  seconds: number
  rowsPerSec: number
  peakRssMb: number
  detail: string
  raw?: { seconds: number; rowsPerSec: number; what: string }
}

const serverRoot = 'postgres://postgres@127.0.0.1:5432'
const importDb = 'suhde_bench_import'

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${serverRoot}/postgres` })
  await admin.connect()
  try {
    await admin.query(text)
  } finally {
    await admin.end()
  }
}

function cli(args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, ['bin/suhde.mjs', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
}

/** A fresh, migrated database with the bench admin and an empty workspace. */
async function freshDatabase(backend: Backend) {
  let dir: string | null = null
  let env: Record<string, string>
  if (backend === 'postgres') {
    await adminQuery(`drop database if exists ${importDb} with (force)`)
    await adminQuery(`create database ${importDb}`)
    env = { DATABASE_URL: `${serverRoot}/${importDb}` }
  } else {
    dir = mkdtempSync(join(tmpdir(), 'suhde-bench-import-'))
    env = { SUHDE_DATA_DIR: dir }
  }
  cli(['migrate'], env)
  const out = cli(
    [
      'workspace',
      'create',
      '--name',
      'Import bench',
      '--admin-email',
      adminEmail,
      '--admin-password',
      adminPassword,
    ],
    env,
  )
  const workspaceId = /workspaceId\s+([0-9a-f-]{36})/.exec(out)?.[1]
  if (!workspaceId) throw new Error(`no workspace id in: ${out}`)
  const cleanup = async () => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    else await adminQuery(`drop database if exists ${importDb} with (force)`)
  }
  return { env, workspaceId, cleanup }
}

async function api(base: string, cookie: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { cookie, 'content-type': 'application/json', ...init.headers },
  })
  const body = (await res.json()) as Record<string, unknown>
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`)
  return body
}

/** The chunk timings the job logs when it finishes (LOG_LEVEL=info), if the log had them. */
function watchTimings(server: ChildProcess): () => string {
  let last = ''
  if (server.stdout)
    createInterface({ input: server.stdout }).on('line', (text) => {
      if (!text.includes('import finished')) return
      try {
        const entry = JSON.parse(text) as {
          timings?: Record<string, number>
          rssMb?: number
          heapMb?: number
        }
        if (entry.timings)
          last =
            Object.entries(entry.timings)
              .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
              .join(', ') + ` (at the end: RSS ${entry.rssMb} MB, JS heap ${entry.heapMb} MB)`
      } catch {
        // not a JSON log line
      }
    })
  return () => last
}

/** The same people straight into the contacts table: the floor the import is measured from. */
async function rawInsert(env: Record<string, string>, workspaceId: string, rows: number) {
  const handle = await openAppDatabase(loadConfig({ ...process.env, ...env }), { purpose: 'bench' })
  const started = performance.now()
  try {
    for (let i = 0; i < rows; i += 5000) {
      const batch: Record<string, unknown>[] = []
      for (let j = i; j < Math.min(rows, i + 5000); j++) {
        const r = rngFor(1, 9, j)
        const first = r.pick(fi.femaleFirstNames)
        const last = r.pick(fi.lastNames)
        const city = r.pick(fi.cities)
        const values = {
          firstName: first,
          lastName: last,
          emails: [
            { address: `raw.${asciiSlug(first)}.${j}@example.fi`, label: null, primary: true },
          ],
          phones: [{ number: mobileNumber(r), label: null }],
          title: r.pick(fi.titles),
          language: null,
          birthDate: null,
          gender: null,
          interests: [],
          address: { street: r.pick(fi.streets), postalCode: null, city: city.name, country: null },
          lifecycleStage: null,
          ownerId: null,
          source: {
            channel: 'import',
            campaign: null,
            utm: { source: null, medium: null, campaign: null, term: null, content: null },
            referrer: null,
            keyword: null,
          },
          custom: {},
        }
        batch.push({
          id: newId(),
          first_name: first,
          last_name: last,
          emails: values.emails,
          phones: values.phones,
          title: values.title,
          address: values.address,
          source: values.source,
          search_text: searchText(values),
        })
      }
      await handle.db.transaction().execute(async (trx) => {
        await sql`insert into contacts (workspace_id, id, first_name, last_name, emails, phones,
            title, address, source, search_text)
          select ${workspaceId}::uuid, id, first_name, last_name, emails, phones, title, address,
            source, search_text
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id uuid, first_name text,
            last_name text, emails jsonb, phones jsonb, title text, address jsonb, source jsonb,
            search_text text)`.execute(trx)
      })
    }
  } finally {
    await handle.close()
  }
  const seconds = (performance.now() - started) / 1000
  return {
    seconds,
    rowsPerSec: rows / seconds,
    what: 'the same number of contacts inserted straight (5,000 a statement)',
  }
}

export async function importBench(opts: {
  backend: Backend
  rows: number
  shape: ImportShape
  port: number
  raw: boolean
  profile?: boolean
}): Promise<JobResult> {
  const file = await importFile(opts.rows, opts.shape)
  const bytes = statSync(file).size
  const db = await freshDatabase(opts.backend)
  const profile: Record<string, string> = opts.profile
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join('bench', 'results')}` }
    : {}
  const server = startServer({ ...db.env, ...profile, LOG_LEVEL: 'info' }, opts.port, 'pipe')
  const timings = watchTimings(server)
  const base = `http://127.0.0.1:${opts.port}`
  let result: JobResult
  try {
    await waitForHealth(base)
    const cookie = await signIn(base, db.workspaceId)
    const rss = rssSampler(server.pid)
    const t0 = performance.now()
    const upload = await fetch(
      `${base}/api/v1/imports?filename=${encodeURIComponent(`kontaktit-${opts.rows}.csv`)}&objectType=contacts`,
      {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/csv' },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
        duplex: 'half',
      } as RequestInit,
    )
    const imp = (await upload.json()) as { id: string; mapping: Record<string, string> }
    if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(imp)}`)
    const uploadSeconds = (performance.now() - t0) / 1000
    await api(base, cookie, `/api/v1/imports/${imp.id}/mapping`, {
      method: 'PUT',
      body: JSON.stringify({ mapping: imp.mapping, dedupeRule: 'email', matchAction: 'skip' }),
    })
    const t1 = performance.now()
    await api(base, cookie, `/api/v1/imports/${imp.id}/start`, { method: 'POST', body: '{}' })
    let state: { status: string; counts: Record<string, number> }
    for (;;) {
      await new Promise((r) => setTimeout(r, 500))
      state = (await api(base, cookie, `/api/v1/imports/${imp.id}`)) as typeof state
      if (!['queued', 'running'].includes(state.status)) break
    }
    const jobSeconds = (performance.now() - t1) / 1000
    const peak = rss.stop()
    // The job logs its phase times just after it marks the import done.
    await new Promise((r) => setTimeout(r, 1500))
    if (state.status !== 'done') throw new Error(`import ended ${JSON.stringify(state)}`)
    const c = state.counts
    result = {
      name: `CSV import, ${opts.shape} shape, email dedupe`,
      rows: opts.rows,
      seconds: jobSeconds,
      rowsPerSec: opts.rows / jobSeconds,
      peakRssMb: peak,
      detail:
        `file ${(bytes / 2 ** 20).toFixed(0)} MB uploaded in ${uploadSeconds.toFixed(1)} s; ` +
        `created ${c.created}, skipped ${c.skipped}, updated ${c.updated}, failed ${c.failed}` +
        `${c.flagged ? `, flagged ${c.flagged}` : ''}; RSS after ${rssMb(server.pid)} MB` +
        (timings() ? `; job phases: ${timings()}` : ''),
    }
  } finally {
    await stopServer(server)
  }
  try {
    if (opts.raw) result.raw = await rawInsert(db.env, db.workspaceId, opts.rows)
  } finally {
    await db.cleanup()
  }
  return result
}

/** A streamed CSV export of every contact of the sample workspace, to the last byte. */
export async function exportBench(ctx: {
  base: string
  cookie: string
  pid: number | undefined
}): Promise<JobResult> {
  const rss = rssSampler(ctx.pid)
  const t0 = performance.now()
  const res = await fetch(`${ctx.base}/api/v1/exports?object=contacts&format=csv`, {
    headers: { cookie: ctx.cookie },
  })
  if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`)
  let firstByte = 0
  let bytes = 0
  let lines = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!firstByte) firstByte = performance.now() - t0
    bytes += chunk.byteLength
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++
  }
  const seconds = (performance.now() - t0) / 1000
  const rows = Math.max(0, lines - 1)
  return {
    name: 'CSV export of all contacts, streamed',
    rows,
    seconds,
    rowsPerSec: rows / seconds,
    peakRssMb: rss.stop(),
    detail: `${(bytes / 2 ** 20).toFixed(0)} MB; first byte after ${Math.round(firstByte)} ms`,
  }
}
