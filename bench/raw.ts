import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { newId } from '../src/server/lib/ids'
import type { Prepared } from './prepare'

// The same work sent straight through the driver: the floor that the API overhead is measured from.
type RawResult = { perSec: number; p50: number }

async function measure(
  fn: (i: number) => Promise<unknown>,
  opts: { duration: number; concurrency: number; perCall?: number },
): Promise<RawResult> {
  const latencies: number[] = []
  const end = performance.now() + opts.duration * 1000
  let i = 0
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now()
      await fn(i++)
      latencies.push(performance.now() - t0)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: opts.concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    perSec: latencies.length / seconds,
    p50: Math.round((latencies[Math.floor(latencies.length / 2)] ?? 0) * 100) / 100,
  }
}

export async function rawBaselines(
  p: Prepared,
  wanted: string[],
  opts: { duration: number; concurrency: number },
): Promise<Record<string, RawResult>> {
  const db = p.handle.db
  const ws = p.sample.workspaceId
  const ids = p.sample.contactIds
  const names = p.sample.lastNames
  const out: Record<string, RawResult> = {}
  const run = async (
    name: string,
    fn: (i: number) => Promise<unknown>,
    concurrency = opts.concurrency,
  ) => {
    if (!wanted.includes(name)) return
    await measure(fn, { duration: 2, concurrency })
    out[name] = await measure(fn, { duration: opts.duration, concurrency })
    console.log(`raw ${name}: ${Math.round(out[name]!.perSec)} /s p50 ${out[name]!.p50} ms`)
  }
  await run('get', (i) =>
    sql`select * from contacts where workspace_id = ${ws} and id = ${ids[i % ids.length]!}`.execute(
      db,
    ),
  )
  await run('list', () =>
    sql`select * from contacts where workspace_id = ${ws} and deleted_at is null and lifecycle_stage = 'customer' order by last_name, id limit 51`.execute(
      db,
    ),
  )
  await run('search', (i) =>
    sql`select id, first_name, last_name from contacts where workspace_id = ${ws} and deleted_at is null and ${names[i % names.length]!.toLowerCase()} <% search_text limit 10`.execute(
      db,
    ),
  )
  await run('create', (i) =>
    sql`insert into contacts (workspace_id, id, first_name, last_name, emails, phones, search_text)
        values (${ws}, ${newId()}, 'Raw', ${'Testaaja ' + i}, '[]', '[]', ${'raw testaaja ' + i})`.execute(
      db,
    ),
  )
  await run(
    'bulk',
    async () => {
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        workspace_id: ws,
        id: newId(),
        first_name: 'Raw',
        last_name: `Bulk ${i}`,
        emails: '[]',
        phones: '[]',
        search_text: `raw bulk ${i}`,
      }))
      await db.insertInto('contacts').values(rows).execute()
    },
    4,
  )
  return out
}

/** Removes what the write benchmarks added, so every run searches and lists the same data. */
export async function removeBenchWrites(p: Prepared): Promise<void> {
  await sql`delete from contacts where workspace_id = ${p.sample.workspaceId} and first_name in ('Raw', 'Bench')`.execute(
    p.handle.db,
  )
  await sql`vacuum analyze contacts`.execute(p.handle.db)
}
